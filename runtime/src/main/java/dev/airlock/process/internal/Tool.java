package dev.airlock.process.internal;

import java.util.List;

/** Recognises what one tool's command would do to the account. */
interface Tool {

    /**
     * @return the calls the command would make; empty when it makes none (help, version, local settings)
     */
    List<Recognised> recognise(Invocation invocation, ToolContext context);
}
