package dev.airlock.config;

import java.util.HashMap;
import java.util.Map;

/** PLACEHOLDER: agent arguments and defaults only. */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    public static AirlockConfig load(String agentArgs) throws ConfigException {
        Map<String, String> m = new HashMap<>();
        if (agentArgs != null && !agentArgs.isBlank()) {
            for (String kv : agentArgs.split(",")) {
                String[] p = kv.split("=", 2);
                m.put(p[0].trim(), p.length > 1 ? p[1].trim() : "");
            }
        }
        return fromMap(m);
    }

    static Map<String, String> defaults() {
        String home = System.getProperty("user.home");
        Map<String, String> d = new HashMap<>();
        d.put(AirlockConfig.AUDIT_FILE, home + "/.airlock/audit.jsonl");
        d.put(AirlockConfig.PLAN_DIR, home + "/.airlock/plans");
        return d;
    }

    static AirlockConfig fromMap(Map<String, String> overrides) throws ConfigException {
        Map<String, String> m = defaults();
        m.putAll(overrides);
        return new AirlockConfig(m);
    }
}
