package dev.airlock.process.internal;

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
}
