package dev.airlock.process.internal;

import java.nio.file.Path;
import java.util.List;

/**
 * What a script carries from one command to the next while it is read: variables, positional parameters, the
 * working directory, and every command found so far (substitutions included, in the order they would run).
 */
final class ShellState {

    /** Scripts inside scripts inside substitutions: beyond this the text is not followed. */
    static final int MAX_DEPTH = 12;

    final ShellVariables vars;
    /** {@code $0}, {@code $1}...; null when unknown. */
    List<String> positional;
    /** Null when the script moved somewhere that cannot be told. */
    Path directory;
    final Input inherited;
    final ParsedScript found;
    final int depth;
    ShellState(ShellVariables vars, List<String> positional, Path directory, Input inherited,
               ParsedScript found, int depth) {
        this.vars = vars;
        this.positional = positional;
        this.directory = directory;
        this.inherited = inherited;
        this.found = found;
        this.depth = depth;
    }

    /** A command substitution or subshell: its own variables and directory, the same list of commands. */
    ShellState subshell() {
        return new ShellState(vars.copy(), positional, directory, Input.UNKNOWN, found, depth + 1);
    }

    String positional(int i) {
        if (positional == null) {
            return null;
        }
        return i < positional.size() ? positional.get(i) : "";
    }
}
