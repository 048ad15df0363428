package dev.airlock.agent.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Reads, before the host's {@code main}, the config file and the policy file Airlock's settings name, so that the
 * engine, which starts beside the host, is configured by the files as they were then and not as the host may
 * rewrite them. The files are only read here; the runtime parses them.
 */
final class SettingsFiles {

    private static final long MAX_BYTES = 16L * 1024 * 1024;

    private SettingsFiles() {
    }

    /** The files' bytes by absolute, normalised path; missing or unreadable files are left out. */
    static Map<String, byte[]> read(String agentArgs, Properties props, Map<String, String> env) {
        Map<String, byte[]> files = new HashMap<>();
        String home = props.getProperty("user.home", "");
        String config = setting(agentArgs, props, env, "config");
        String policy = setting(agentArgs, props, env, "policy");
        if (config != null) {
            byte[] bytes = read(config, home, files);
            if (policy == null && bytes != null) {
                policy = policyIn(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        if (policy != null) {
            read(policy, home, files);
        }
        return files;
    }

    private static String setting(String agentArgs, Properties props, Map<String, String> env, String key) {
        String value = AgentArguments.argument(agentArgs, key);
        if (value == null) {
            value = props.getProperty("airlock." + key);
        }
        if (value == null) {
            value = env.get("AIRLOCK_" + key.toUpperCase(Locale.ROOT));
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The {@code policy:} line of a flat YAML config file, or null. */
    static String policyIn(String yaml) {
        for (String line : yaml.split("\n")) {
            if (line.startsWith("policy:")) {
                String v = line.substring("policy:".length());
                int comment = v.indexOf(" #");
                v = (comment >= 0 ? v.substring(0, comment) : v).trim();
                if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'')
                        && v.charAt(v.length() - 1) == v.charAt(0)) {
                    v = v.substring(1, v.length() - 1);
                }
                return v.isEmpty() ? null : v;
            }
        }
        return null;
    }

    private static byte[] read(String name, String home, Map<String, byte[]> files) {
        try {
            String expanded = name.equals("~") ? home : name.startsWith("~/") ? home + name.substring(1) : name;
            Path path = Path.of(expanded).toAbsolutePath().normalize();
            if (!Files.isRegularFile(path) || Files.size(path) > MAX_BYTES) {
                return null;
            }
            byte[] bytes = Files.readAllBytes(path);
            files.put(path.toString(), bytes);
            return bytes;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
