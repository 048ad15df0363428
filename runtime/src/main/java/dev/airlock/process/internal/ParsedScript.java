package dev.airlock.process.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Every simple command a script could run, in the order it would reach them; and whether all of it was read. */
public final class ParsedScript {

    private final List<ShellCommand> commands = new ArrayList<>();
    private String incomplete;

    /** Simple commands kept from one script; a script with more is not one a person wrote to be read. */
    static final int MAX_COMMANDS = 100_000;

    void add(ShellCommand command) {
        if (commands.size() < MAX_COMMANDS) {
            commands.add(command);
        } else {
            incomplete("the script has more than " + MAX_COMMANDS + " commands");
        }
    }

    void incomplete(String why) {
        if (incomplete == null) {
            incomplete = why;
        }
    }

    public List<ShellCommand> commands() {
        return Collections.unmodifiableList(commands);
    }

    /** Why part of the script could not be followed, or null when all of it was. */
    public String incomplete() {
        return incomplete;
    }
}
