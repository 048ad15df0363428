package dev.airlock.config.internal;

import dev.airlock.config.ConfigException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The sources of settings besides the file: agent arguments, system properties {@code airlock.*}, environment
 * variables {@code AIRLOCK_*}, and a map given in code.
 */
public final class ConfigSources {

    private static final String PROPERTY_PREFIX = "airlock.";
    private static final String ENV_PREFIX = "AIRLOCK_";
    /** The CLI's own variables, never settings: a shell that exports them must not break the agent's config. */
    private static final java.util.Set<String> CLI_VARIABLES = java.util.Set.of("AIRLOCK_APPROVER_TOKEN",
            "AIRLOCK_AGENT_JAR");

    private ConfigSources() {
    }

    /** {@code config=/path/airlock.yaml,mode=dry-run}: comma-separated key=value. */
    public static ConfigLayer agentArguments(String args, String home) throws ConfigException {
        ConfigLayer layer = new ConfigLayer(home);
        if (args == null || args.isBlank()) {
            return layer;
        }
        for (String entry : args.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0 || entry.substring(0, eq).isBlank()) {
                throw new ConfigException("agent arguments: '" + entry.trim() + "' is not key=value (write them "
                        + "like -javaagent:airlock-agent.jar=config=/path/airlock.yaml,mode=dry-run)");
            }
            String name = entry.substring(0, eq).trim();
            layer.put(name, entry.substring(eq + 1), "agent argument '" + entry.trim() + "'", key -> key);
        }
        return layer;
    }

    /** {@code -Dairlock.audit.file=...}; other properties are not Airlock's and are left alone. */
    public static ConfigLayer systemProperties(Properties props, String home) throws ConfigException {
        ConfigLayer layer = new ConfigLayer(home);
        Map<String, String> ours = new TreeMap<>();
        for (String name : props.stringPropertyNames()) {
            if (name.startsWith(PROPERTY_PREFIX)) {
                ours.put(name, props.getProperty(name));
            }
        }
        for (Map.Entry<String, String> e : ours.entrySet()) {
            String name = e.getKey().substring(PROPERTY_PREFIX.length());
            layer.put(name, e.getValue(), "system property " + e.getKey(), key -> PROPERTY_PREFIX + key);
        }
        return layer;
    }

    /** {@code AIRLOCK_AUDIT_FILE=...}; other variables are not Airlock's and are left alone. */
    public static ConfigLayer environment(Map<String, String> env, String home) throws ConfigException {
        ConfigLayer layer = new ConfigLayer(home);
        Map<String, String> ours = new TreeMap<>();
        for (Map.Entry<String, String> e : env.entrySet()) {
            String upper = e.getKey().toUpperCase(Locale.ROOT);
            if (upper.startsWith(ENV_PREFIX) && !CLI_VARIABLES.contains(upper)) {
                ours.put(e.getKey(), e.getValue());
            }
        }
        for (Map.Entry<String, String> e : ours.entrySet()) {
            String name = e.getKey().substring(ENV_PREFIX.length());
            layer.put(name, e.getValue(), "environment variable " + e.getKey(), KnownKeys::environmentName);
        }
        return layer;
    }

    /** Settings handed over in code ({@code AirlockConfig.of}). */
    public static ConfigLayer given(Map<String, String> settings, String home) throws ConfigException {
        ConfigLayer layer = new ConfigLayer(home);
        for (String key : settings.keySet()) {
            if (key == null) { // Map.of forbids it; a HashMap does not
                throw new ConfigException("settings: one has no key");
            }
        }
        for (Map.Entry<String, String> e : new TreeMap<>(settings).entrySet()) {
            layer.put(e.getKey(), e.getValue(), "setting '" + e.getKey() + "'", key -> key);
        }
        return layer;
    }
}
