package dev.airlock.process.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Names of programs as a user would say them: {@code /usr/local/bin/aws} and {@code aws.exe} are both {@code aws}. */
final class Programs {

    private Programs() {
    }

    static String name(String path) {
        String name = path;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (slash >= 0) {
            name = name.substring(slash + 1);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String suffix : new String[] {".exe", ".cmd", ".bat"}) {
            if (lower.endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    /**
     * {@code "$JAVA_HOME/bin/java"}, {@code $DIR/build.sh}: the name at the end is written out, so the program is
     * known; {@code $X}, {@code $(cat cmd)} could be any program at all.
     */
    static boolean namesAPlainProgram(String text) {
        int slash = text.lastIndexOf('/');
        if (slash < 0 || slash == text.length() - 1) {
            return false;
        }
        String last = text.substring(slash + 1);
        if (!last.matches("[A-Za-z0-9._+-]+")) {
            return false;
        }
        String name = Programs.name(last);
        return Tools.named(name) == null && !Unwrapper.SHELLS.contains(name);
    }

    static List<Word> prepend(Word first, List<Word> rest) {
        List<Word> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
