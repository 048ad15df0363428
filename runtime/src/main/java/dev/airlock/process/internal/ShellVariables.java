package dev.airlock.process.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A script's variables as it runs: known values, names whose value only the running shell knows (read from
 * input, loop variables, command output), and which of them are exported to the programs it starts.
 */
final class ShellVariables {

    private final Map<String, String> values;
    private final Set<String> unknown;
    private final Set<String> exported;

    private ShellVariables(Map<String, String> values, Set<String> unknown, Set<String> exported) {
        this.values = values;
        this.unknown = unknown;
        this.exported = exported;
    }

    /** The variables of a shell started with this environment: all of them exported. */
    static ShellVariables startingWith(Env env) {
        Map<String, String> values = new HashMap<>(env.known());
        Set<String> unknown = new HashSet<>(env.unknownNames());
        Set<String> exported = new HashSet<>(values.keySet());
        exported.addAll(unknown);
        return new ShellVariables(values, unknown, exported);
    }

    /** A subshell's copy: what it assigns does not reach its parent. */
    ShellVariables copy() {
        return new ShellVariables(new HashMap<>(values), new HashSet<>(unknown), new HashSet<>(exported));
    }

    boolean isUnknown(String name) {
        return unknown.contains(name);
    }

    /** The value; {@code ""} when unset; null when unknown. */
    String expand(String name) {
        if (unknown.contains(name)) {
            return null;
        }
        return values.getOrDefault(name, "");
    }

    boolean isSet(String name) {
        return values.containsKey(name) || unknown.contains(name);
    }

    /** Assigns a value; null means the value is unknown. */
    void assign(String name, String value, boolean export) {
        if (value == null) {
            values.remove(name);
            unknown.add(name);
        } else {
            values.put(name, value);
            unknown.remove(name);
        }
        if (export) {
            exported.add(name);
        }
    }

    void export(String name) {
        exported.add(name);
    }

    void unset(String name) {
        values.remove(name);
        unknown.remove(name);
        exported.remove(name);
    }

    /** The environment the next program inherits. */
    Env exportedEnv() {
        Map<String, String> known = new HashMap<>();
        Set<String> unknownExported = new HashSet<>();
        for (String name : exported) {
            if (values.containsKey(name)) {
                known.put(name, values.get(name));
            } else if (unknown.contains(name)) {
                unknownExported.add(name);
            }
        }
        return Env.of(known, unknownExported);
    }
}
