package dev.airlock.policy.internal;

import dev.airlock.policy.PolicyException;
import java.util.ArrayList;
import java.util.List;

/** Typed access to document values, failing with the line and what was expected. */
final class NodeReading {

    private final String source;

    NodeReading(String source) {
        this.source = source;
    }

    PolicyException fault(int line, String message) {
        return new PolicyException(source, line, message);
    }

    PolicyException fault(Node node, String message) {
        return fault(node.line(), message);
    }

    Node.Mapping mapping(Node node, String what) throws PolicyException {
        if (node instanceof Node.Mapping m) {
            return m;
        }
        throw fault(node, what + " must be a mapping, not " + node.kind());
    }

    /** A string; numbers and booleans are taken as written, since YAML turns 123456789012 into a number. */
    String text(Node node, String what) throws PolicyException {
        if (node instanceof Node.Scalar s && s.type() != Node.Scalar.Type.NULL) {
            return s.text();
        }
        throw fault(node, what + " must be a string, not " + node.kind());
    }

    /** A string only: words like Effect that a number could never be. */
    String word(Node node, String what) throws PolicyException {
        if (node instanceof Node.Scalar s && s.type() == Node.Scalar.Type.STRING) {
            return s.text();
        }
        throw fault(node, what + " must be a string, not " + node.kind());
    }

    /** One string or a non-empty list of them, each with its line. */
    List<Located> words(Node node, String what) throws PolicyException {
        return list(node, what, true);
    }

    /** Like {@link #words}, but numbers and booleans are taken as written, as {@link #text} does. */
    List<Located> texts(Node node, String what) throws PolicyException {
        return list(node, what, false);
    }

    private List<Located> list(Node node, String what, boolean stringsOnly) throws PolicyException {
        List<Located> out = new ArrayList<>();
        if (node instanceof Node.Sequence seq) {
            if (seq.items().isEmpty()) {
                throw fault(node, what + " is an empty list");
            }
            for (Node item : seq.items()) {
                if (!accepted(item, stringsOnly)) {
                    throw fault(item, what + " must be a string or a list of strings; this item is " + item.kind());
                }
                out.add(new Located(((Node.Scalar) item).text(), item.line()));
            }
            return out;
        }
        if (accepted(node, stringsOnly)) {
            out.add(new Located(((Node.Scalar) node).text(), node.line()));
            return out;
        }
        throw fault(node, what + " must be a string or a list of strings, not " + node.kind());
    }

    private static boolean accepted(Node node, boolean stringsOnly) {
        return node instanceof Node.Scalar s
                && (s.type() == Node.Scalar.Type.STRING || !stringsOnly && s.type() != Node.Scalar.Type.NULL);
    }

    /** A whole number of 0 or more. */
    long count(Node node, String what) throws PolicyException {
        if (node instanceof Node.Scalar s && s.type() == Node.Scalar.Type.NUMBER) {
            long value;
            try {
                value = Long.parseLong(s.text());
            } catch (NumberFormatException e) {
                throw fault(node, what + " must be a whole number, not " + s.text());
            }
            if (value < 0) {
                throw fault(node, what + " must be 0 or more, not " + value);
            }
            return value;
        }
        throw fault(node, what + " must be a whole number, not " + node.kind());
    }

    /** A value as written, with its line. */
    record Located(String text, int line) {
    }
}
