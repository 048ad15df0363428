package dev.airlock.process.internal;

/** A position in script text, shared by the parser and the word reader. */
final class Cursor {

    final String text;
    int pos;

    Cursor(String text) {
        this.text = text;
    }

    boolean more() {
        return pos < text.length();
    }

    char peek() {
        return text.charAt(pos);
    }

    /** The character {@code ahead} places on, or 0 past the end. */
    char at(int ahead) {
        int i = pos + ahead;
        return i < text.length() ? text.charAt(i) : 0;
    }

    boolean startsWith(String s) {
        return text.startsWith(s, pos);
    }
}
