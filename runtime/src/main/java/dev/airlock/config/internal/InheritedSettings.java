package dev.airlock.config.internal;

import dev.airlock.config.ConfigException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A parent JVM's effective settings, handed to each child JVM as one agent argument,
 * {@code parent=<base64url of key=value lines>}. A child that has it takes these settings and nothing else: not
 * its own {@code AIRLOCK_*} variables, {@code -Dairlock.*} properties or config file, which the guarded process
 * could have written. The policy is pinned by its SHA-256 ({@code policy.sha256}) as the parent read it.
 */
public final class InheritedSettings {

    public static final String ARGUMENT = "parent";

    private InheritedSettings() {
    }

    /** The agent argument that hands {@code effective} (the {@code config} key left out) to a child. */
    public static String argument(Map<String, String> effective) {
        StringBuilder lines = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(effective).entrySet()) {
            if ("config".equals(e.getKey()) || e.getValue() == null) {
                continue;
            }
            lines.append(e.getKey()).append('=').append(escape(e.getValue())).append('\n');
        }
        return ARGUMENT + "=" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(lines.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The encoded settings in {@code agentArgs}, or null when there are none. */
    public static String find(String agentArgs) {
        if (agentArgs == null) {
            return null;
        }
        for (String entry : agentArgs.split(",")) {
            String e = entry.trim();
            if (e.startsWith(ARGUMENT + "=")) {
                return e.substring(ARGUMENT.length() + 1);
            }
        }
        return null;
    }

    /** The settings a parent handed over. */
    public static Map<String, String> decode(String encoded) throws ConfigException {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(encoded.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("agent argument parent: not the settings of a parent JVM ("
                    + e.getMessage() + ")");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException("agent argument parent: '" + line + "' is not key=value");
            }
            settings.put(line.substring(0, eq), unescape(line.substring(eq + 1)));
        }
        return settings;
    }

    private static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\n", "\\n");
    }

    private static String unescape(String v) {
        StringBuilder out = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                char n = v.charAt(++i);
                out.append(n == 'n' ? '\n' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
