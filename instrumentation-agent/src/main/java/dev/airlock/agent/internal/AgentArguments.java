package dev.airlock.agent.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The one setting the agent reads itself, before anything is loaded: whether Airlock is enabled. Every other
 * setting is the runtime's ({@code ConfigLoader}), which gets the agent arguments as they are. A child JVM that
 * carries its parent's settings ({@code parent=...}) is always enabled.
 */
public final class AgentArguments {

    static final String ENABLED = "enabled";
    /** The settings a parent JVM hands to its children ({@code InheritedSettings} in the runtime). */
    static final String PARENT = "parent";

    private AgentArguments() {
    }

    /**
     * False when {@code enabled=false} is set, looked up in the agent arguments, then the system property
     * {@code airlock.enabled}, then the environment variable {@code AIRLOCK_ENABLED}: the first that is set wins.
     */
    public static boolean enabled(String agentArgs, Properties systemProperties, Map<String, String> environment) {
        if (argument(agentArgs, PARENT) != null) {
            // A child JVM: its parent's settings, which were enabled, outrank whatever the child says.
            return true;
        }
        String value = argument(agentArgs, ENABLED);
        if (value == null) {
            value = systemProperties.getProperty("airlock." + ENABLED);
        }
        if (value == null) {
            value = environment.get("AIRLOCK_" + ENABLED.toUpperCase(Locale.ROOT));
        }
        return value == null || !"false".equals(value.trim().toLowerCase(Locale.ROOT));
    }

    /** The value of {@code key} in {@code k=v,k=v}, or null. */
    static String argument(String agentArgs, String key) {
        if (agentArgs == null) {
            return null;
        }
        String found = null;
        for (String pair : agentArgs.split(",")) {
            int eq = pair.indexOf('=');
            String k = (eq < 0 ? pair : pair.substring(0, eq)).trim();
            if (k.equals(key)) {
                found = eq < 0 ? "" : pair.substring(eq + 1).trim();
            }
        }
        return found;
    }
}
