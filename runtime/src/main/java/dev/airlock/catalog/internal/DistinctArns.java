package dev.airlock.catalog.internal;

import java.util.AbstractCollection;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The ARNs of one request as they are found: each once, in the order first found, as a {@code LinkedHashSet}
 * keeps them. Most requests touch one to three resources, for which a short array compared by equality beats
 * hashing each ARN into a table made for the call; past {@link #SCANNED} it keeps a set beside the array.
 */
final class DistinctArns extends AbstractCollection<String> {

    static final int SCANNED = 8;

    private String[] arns = new String[4];
    private int size;
    private Set<String> seen;

    @Override
    public boolean add(String arn) {
        if (contains(arn)) {
            return false;
        }
        if (size == arns.length) {
            arns = Arrays.copyOf(arns, size * 2);
        }
        arns[size++] = arn;
        if (seen != null) {
            seen.add(arn);
        } else if (size > SCANNED) {
            seen = new HashSet<>(Arrays.asList(arns).subList(0, size));
        }
        return true;
    }

    @Override
    public boolean contains(Object arn) {
        if (seen != null) {
            return seen.contains(arn);
        }
        for (int i = 0; i < size; i++) {
            if (arns[i].equals(arn)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int size() {
        return size;
    }

    /** The ARNs in the order found, as an unmodifiable list. */
    List<String> toList() {
        return size == 1 ? List.of(arns[0]) : List.of(Arrays.copyOf(arns, size));
    }

    @Override
    public Iterator<String> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public String next() {
                if (next >= size) {
                    throw new NoSuchElementException();
                }
                return arns[next++];
            }
        };
    }
}
