package dev.airlock.policy.internal;

import java.util.List;

/**
 * A policy document as read from YAML or JSON, every value with the line it is written on, so that each fault
 * and each statement can name its line.
 */
sealed interface Node {

    /** 1-based line of the value. */
    int line();

    /** How the value is named in error messages ("a list", "a number", ...). */
    String kind();

    /** A string, number, boolean or null, with its text as written. */
    record Scalar(Type type, String text, int line) implements Node {

        enum Type { STRING, NUMBER, BOOLEAN, NULL }

        @Override
        public String kind() {
            return switch (type) {
                case STRING -> "a string";
                case NUMBER -> "a number";
                case BOOLEAN -> "a boolean";
                case NULL -> "empty";
            };
        }
    }

    /** A mapping whose keys are unique and in document order. */
    record Mapping(List<Entry> entries, int line) implements Node {

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    /** One key of a mapping, with the line of the key. */
    record Entry(String key, int line, Node value) {
    }

    record Sequence(List<Node> items, int line) implements Node {

        @Override
        public String kind() {
            return "a list";
        }
    }
}
