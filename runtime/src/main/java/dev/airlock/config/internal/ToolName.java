package dev.airlock.config.internal;

import java.util.Locale;

/**
 * The default tool name: the simple name of the main class or jar that started this JVM, as the
 * {@code sun.java.command} property shows it ({@code com.acme.AgentMain --x} is {@code AgentMain};
 * {@code /opt/tools/my agent.jar run} is {@code my agent}).
 */
public final class ToolName {

    public static final String UNKNOWN = "unknown-tool";

    private ToolName() {
    }

    public static String fromJavaCommand(String command) {
        if (command == null || command.isBlank()) {
            return UNKNOWN;
        }
        String c = command.trim();
        int space = c.indexOf(' ');
        String first = space < 0 ? c : c.substring(0, space);
        String jar = endsWithJar(first) ? first : absoluteJarPathWithSpaces(c);
        String name;
        if (jar != null) {
            name = afterLast(jar, '/', '\\');
            name = name.substring(0, name.length() - ".jar".length());
        } else {
            name = afterLast(afterLast(first, '/'), '.'); // module/pkg.Main
        }
        return name.isBlank() ? UNKNOWN : name;
    }

    private static boolean endsWithJar(String s) {
        return s.toLowerCase(Locale.ROOT).endsWith(".jar");
    }

    /** {@code /Users/J Doe/tool.jar arg}: an absolute path up to the first ".jar" that ends a word. */
    private static String absoluteJarPathWithSpaces(String c) {
        boolean absolute = c.startsWith("/") || c.startsWith("\\") || c.matches("^[A-Za-z]:[\\\\/].*");
        if (!absolute) {
            return null;
        }
        String lower = c.toLowerCase(Locale.ROOT);
        for (int at = lower.indexOf(".jar"); at >= 0; at = lower.indexOf(".jar", at + 1)) {
            int end = at + 4;
            if (end == c.length() || c.charAt(end) == ' ') {
                return c.substring(0, end);
            }
        }
        return null;
    }

    private static String afterLast(String s, char... separators) {
        int at = -1;
        for (char sep : separators) {
            at = Math.max(at, s.lastIndexOf(sep));
        }
        return s.substring(at + 1);
    }
}
