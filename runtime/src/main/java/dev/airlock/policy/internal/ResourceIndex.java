package dev.airlock.policy.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements of one action's candidates, by the resources they name: the service of each ARN pattern, then
 * a prefix tree on the literal start of its resource part. A call's resource then meets only the statements
 * whose patterns could take it in, however many statements name other resources.
 *
 * <p>Statements that take in every resource ({@code *}, no Resource), NotResource statements and statements with
 * a pattern that cannot be indexed are tested for every call. The index only ever narrows the set of
 * statements tested: each is still matched in full, so the index can make a decision faster, never different.
 */
final class ResourceIndex {

    /** Service key for patterns that may match any service. */
    private static final String ANY_SERVICE = "*";

    /** One node of a prefix tree: the statements whose literal prefix ends here, and the children by character. */
    private static final class Node {
        char[] labels = new char[0];
        Node[] children = new Node[0];
        int[] here = new int[0];

        Node child(char c) {
            char[] l = labels;
            for (int i = 0; i < l.length; i++) {
                if (l[i] == c) {
                    return children[i];
                }
            }
            return null;
        }

        Node childOrNew(char c) {
            Node n = child(c);
            if (n == null) {
                n = new Node();
                labels = Arrays.copyOf(labels, labels.length + 1);
                children = Arrays.copyOf(children, children.length + 1);
                labels[labels.length - 1] = c;
                children[children.length - 1] = n;
            }
            return n;
        }

        void add(int statement) {
            if (here.length == 0 || here[here.length - 1] != statement) {
                here = Arrays.copyOf(here, here.length + 1);
                here[here.length - 1] = statement;
            }
        }
    }

    private final int size;
    /** Statements tested for every call, ascending. */
    private final int[] always;
    private final Map<String, Node> byService;
    private final Node anyService;
    /** Whether anything was indexed at all; otherwise every statement is tested and no look-up is needed. */
    private final boolean narrows;

    private ResourceIndex(int size, int[] always, Map<String, Node> byService, Node anyService, boolean narrows) {
        this.size = size;
        this.always = always;
        this.byService = byService;
        this.anyService = anyService;
        this.narrows = narrows;
    }

    static ResourceIndex of(Statement[] statements) {
        List<Integer> always = new ArrayList<>();
        Map<String, Node> byService = new HashMap<>();
        Node anyService = new Node();
        boolean narrows = false;
        for (int s = 0; s < statements.length; s++) {
            ArnPattern[] patterns = statements[s].indexablePatterns();
            if (patterns == null) {
                always.add(s);
                continue;
            }
            narrows = true;
            for (ArnPattern p : patterns) {
                Node node = p.service() == null ? anyService : byService.computeIfAbsent(p.service(), k -> new Node());
                String prefix = p.literalPrefix();
                for (int i = 0; i < prefix.length(); i++) {
                    node = node.childOrNew(prefix.charAt(i));
                }
                node.add(s);
            }
        }
        return new ResourceIndex(statements.length, always.stream().mapToInt(Integer::intValue).toArray(),
                Map.copyOf(byService), anyService, narrows);
    }

    /**
     * The statements, ascending, that could match a call with these resources; null when every one must be
     * tested (nothing indexed, or a resource whose service is unknown or whose shape the index cannot follow).
     */
    int[] candidates(ArnText[] resources) {
        if (!narrows) {
            return null;
        }
        Hits hits = new Hits(always);
        for (ArnText r : resources) {
            String service = r.service();
            if (!r.segmented || service == null) {
                return null;
            }
            Node root = byService.get(service);
            walkAll(root, r.resource, hits);
            walkAll(anyService, r.resource, hits);
        }
        return hits.sorted();
    }

    /** The resource part, and after each of its colons what follows it (where a header {@code *} may reach). */
    private static void walkAll(Node root, String resource, Hits hits) {
        if (root == null) {
            return;
        }
        walk(root, resource, 0, hits);
        for (int i = resource.indexOf(':'); i >= 0; i = resource.indexOf(':', i + 1)) {
            walk(root, resource, i + 1, hits);
        }
    }

    private static void walk(Node node, String text, int from, Hits hits) {
        hits.add(node.here);
        for (int i = from; i < text.length(); i++) {
            node = node.child(text.charAt(i));
            if (node == null) {
                return;
            }
            hits.add(node.here);
        }
    }

    int size() {
        return size;
    }

    /** Statement numbers gathered from the tree, sorted and without repeats at the end. */
    private static final class Hits {
        private int[] items;
        private int count;
        private boolean merged;

        Hits(int[] always) {
            items = always.length == 0 ? new int[8] : Arrays.copyOf(always, always.length + 8);
            count = always.length;
        }

        void add(int[] more) {
            if (more.length == 0) {
                return;
            }
            if (count + more.length > items.length) {
                items = Arrays.copyOf(items, Math.max(items.length * 2, count + more.length));
            }
            System.arraycopy(more, 0, items, count, more.length);
            count += more.length;
            merged = true;
        }

        int[] sorted() {
            if (!merged) {
                return count == items.length ? items : Arrays.copyOf(items, count);
            }
            Arrays.sort(items, 0, count);
            int n = 0;
            for (int i = 0; i < count; i++) {
                if (n == 0 || items[n - 1] != items[i]) {
                    items[n++] = items[i];
                }
            }
            return Arrays.copyOf(items, n);
        }
    }
}
