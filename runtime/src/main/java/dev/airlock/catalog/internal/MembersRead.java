package dev.airlock.catalog.internal;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An empty request that remembers which members the request rules asked for: those are the members an
 * operation's classification depends on. Each is named once, with the case of the first letter as the SDK model
 * spells it most often (upper case).
 */
final class MembersRead extends AbstractMap<String, Object> {

    private final Map<String, String> names = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    @Override
    public Object get(Object key) {
        if (key instanceof String name && !name.isEmpty()) {
            names.putIfAbsent(name, Character.toUpperCase(name.charAt(0)) + name.substring(1));
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        get(key);
        return false;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return Set.of();
    }

    List<String> names() {
        return new ArrayList<>(names.values());
    }
}
