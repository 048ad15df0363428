package dev.airlock.process.internal;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The environment a program starts with, as far as it can be told before it runs: known values, and names whose
 * value only the running shell knows. A name in neither is unset. Immutable.
 */
public final class Env {

    private static final Env EMPTY = new Env(Map.of(), Set.of());

    private final Map<String, String> known;
    private final Set<String> unknown;

    private Env(Map<String, String> known, Set<String> unknown) {
        this.known = known;
        this.unknown = unknown;
    }

    public static Env empty() {
        return EMPTY;
    }

    public static Env of(Map<String, String> values) {
        if (values == null || values.isEmpty()) {
            return EMPTY;
        }
        Map<String, String> copy = new HashMap<>();
        values.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        return new Env(Collections.unmodifiableMap(copy), Set.of());
    }

    /** An environment with these known values and these names of unknown value. */
    static Env of(Map<String, String> values, Set<String> unknownNames) {
        if (unknownNames.isEmpty()) {
            return of(values);
        }
        Map<String, String> copy = new HashMap<>(values);
        copy.keySet().removeAll(unknownNames);
        return new Env(Collections.unmodifiableMap(copy), Set.copyOf(unknownNames));
    }

    /** The value, or null when unset or unknown. */
    public String get(String name) {
        return known.get(name);
    }

    public boolean isUnknown(String name) {
        return unknown.contains(name);
    }

    public boolean isSet(String name) {
        return known.containsKey(name) || unknown.contains(name);
    }

    public Map<String, String> known() {
        return known;
    }

    public Set<String> unknownNames() {
        return unknown;
    }

    public Env with(String name, String value) {
        Map<String, String> k = new HashMap<>(known);
        Set<String> u = new HashSet<>(unknown);
        if (value == null) {
            k.remove(name);
            u.add(name);
        } else {
            k.put(name, value);
            u.remove(name);
        }
        return new Env(Collections.unmodifiableMap(k), Collections.unmodifiableSet(u));
    }

    public Env without(String name) {
        if (!isSet(name)) {
            return this;
        }
        Map<String, String> k = new HashMap<>(known);
        Set<String> u = new HashSet<>(unknown);
        k.remove(name);
        u.remove(name);
        return new Env(Collections.unmodifiableMap(k), Collections.unmodifiableSet(u));
    }
}
