package dev.airlock.process.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the fields one shell word expands to. Unquoted expansions are split on blanks as the shell does, so
 * {@code CMD="s3 rb"; aws $CMD} gives {@code aws s3 rb}; quoted ones are not. A word that starts
 * {@code NAME=} is an assignment and is never split.
 */
final class WordBuilder {

    private final List<Word> fields = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private boolean currentDynamic;
    private boolean currentHasContent;
    private boolean noSplit;
    private boolean plainSoFar = true;
    private String assignmentName;

    WordBuilder(boolean noSplit) {
        this.noSplit = noSplit;
    }

    void literal(char c, boolean quoted) {
        if (!quoted && c == '=' && plainSoFar && assignmentName == null && fields.isEmpty()
                && isName(current)) {
            assignmentName = current.toString();
            noSplit = true;
        }
        if (quoted) {
            plainSoFar = false;
        }
        current.append(c);
        currentHasContent = true;
    }

    void literal(String s, boolean quoted) {
        for (int i = 0; i < s.length(); i++) {
            literal(s.charAt(i), quoted);
        }
        if (quoted) {
            quotedEmpty();
        }
    }

    /** {@code ""} or {@code ''}: an empty argument, not no argument. */
    void quotedEmpty() {
        plainSoFar = false;
        currentHasContent = true;
    }

    /**
     * @param value the expansion's value, or null when it can only be known when the script runs
     * @param raw the source text, kept for an unknown value
     */
    void expansion(String value, String raw, boolean quoted) {
        plainSoFar = false;
        if (value == null) {
            current.append(raw);
            currentDynamic = true;
            currentHasContent = true;
            return;
        }
        if (quoted || noSplit) {
            current.append(value);
            currentHasContent |= quoted || !value.isEmpty();
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n') {
                flush();
            } else {
                current.append(c);
                currentHasContent = true;
            }
        }
    }

    /** {@code "$@"}: each value its own field, the first and last joined to the text around them. */
    void fields(List<String> values, boolean quoted) {
        plainSoFar = false;
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                if (quoted) {
                    currentHasContent = true;
                }
                flush();
            }
            expansion(values.get(i), null, quoted);
        }
    }

    private void flush() {
        if (currentHasContent) {
            fields.add(new Word(current.toString(), currentDynamic));
        }
        current.setLength(0);
        currentDynamic = false;
        currentHasContent = false;
    }

    /** The name of an assignment word ({@code NAME=value}), or null. */
    String assignmentName() {
        return assignmentName;
    }

    List<Word> finish() {
        flush();
        return fields;
    }

    private static boolean isName(CharSequence s) {
        if (s.length() == 0 || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
