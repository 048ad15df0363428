package dev.airlock.process.internal;

import java.util.List;

/** What {@code printf} writes for the formats that are plain from the words: {@code %s}, {@code %d}, {@code %b}. */
final class Printf {

    private Printf() {
    }

    /** The output, or null when the format has a conversion this cannot predict. */
    static String format(List<String> args) {
        if (args.isEmpty()) {
            return null;
        }
        String format = args.get(0);
        List<String> values = args.subList(1, args.size());
        StringBuilder out = new StringBuilder();
        int next = 0;
        do {
            int used = 0;
            for (int i = 0; i < format.length(); i++) {
                char c = format.charAt(i);
                if (c == '%' && i + 1 < format.length()) {
                    char conv = format.charAt(++i);
                    if (conv == '%') {
                        out.append('%');
                        continue;
                    }
                    if (conv != 's' && conv != 'd' && conv != 'b') {
                        return null;
                    }
                    String v = next < values.size() ? values.get(next++) : "";
                    out.append(conv == 'b' ? unescape(v) : v);
                    used++;
                } else if (c == '\\' && i + 1 < format.length()) {
                    out.append(unescape(format.substring(i, i + 2)));
                    i++;
                } else {
                    out.append(c);
                }
            }
            if (used == 0) {
                break;
            }
        } while (next < values.size());
        return out.toString();
    }

    /** The backslash escapes of {@code echo -e} and {@code printf}: enough for text that is a command line. */
    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '\\' -> out.append('\\');
                case '\'' -> out.append('\'');
                case '"' -> out.append('"');
                case 'a' -> out.append('\u0007');
                case 'e', 'E' -> out.append('\u001b');
                default -> out.append('\\').append(n);
            }
        }
        return out.toString();
    }
}
