package dev.airlock.process.internal;

import java.util.List;

/** A command as a human would type it again: words joined, quoted where the shell needs it. */
public final class CommandText {

    private static final int MAX = 300;

    private CommandText() {
    }

    public static String of(List<Word> words) {
        StringBuilder sb = new StringBuilder();
        for (Word w : words) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(w.dynamic() ? w.text() : quote(w.text()));
            if (sb.length() > MAX) {
                return sb.substring(0, MAX) + "...";
            }
        }
        return sb.toString();
    }

    public static String ofStrings(List<String> words) {
        return of(words.stream().map(Word::literal).toList());
    }

    static String quote(String s) {
        if (s.isEmpty()) {
            return "''";
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || "-_./:=@%+,".indexOf(c) >= 0)) {
                return "'" + s.replace("'", "'\\''") + "'";
            }
        }
        return s;
    }
}
