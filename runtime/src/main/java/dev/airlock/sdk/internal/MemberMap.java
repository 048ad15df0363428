package dev.airlock.sdk.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A request's top-level members as {@link RequestFields} hands them to the engine: unmodifiable, in the order
 * the SDK lists them, each name once. Most requests set a handful of members, so two short arrays searched in
 * order take less than a hash table made for each call, and less memory while the audit record that carries
 * them waits for the writer.
 */
final class MemberMap extends AbstractMap<String, Object> {

    /** Up to this many members are kept in arrays; a request that sets more is kept in a hash map. */
    static final int MAX_SCANNED = 12;

    private final String[] names;
    private final Object[] values;
    private Set<Entry<String, Object>> entries;

    /** @param names member names, each once, and their non-null values; both arrays are owned from now on */
    MemberMap(String[] names, Object[] values, int size) {
        this.names = size == names.length ? names : Arrays.copyOf(names, size);
        this.values = size == values.length ? values : Arrays.copyOf(values, size);
    }

    @Override
    public Object get(Object name) {
        int i = indexOf(name);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object name) {
        return indexOf(name) >= 0;
    }

    private int indexOf(Object name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i] == name || names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public boolean isEmpty() {
        return names.length == 0;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Set<Entry<String, Object>> e = entries;
        if (e == null) {
            e = new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Object>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < names.length;
                        }

                        @Override
                        public Entry<String, Object> next() {
                            if (next >= names.length) {
                                throw new NoSuchElementException();
                            }
                            int i = next++;
                            return new SimpleImmutableEntry<>(names[i], values[i]);
                        }
                    };
                }

                @Override
                public int size() {
                    return names.length;
                }
            };
            entries = e;
        }
        return e;
    }
}
