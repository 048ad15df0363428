package dev.airlock.config;

import dev.airlock.config.internal.ConfigFile;
import dev.airlock.config.internal.ConfigLayer;
import dev.airlock.config.internal.ConfigSources;
import dev.airlock.config.internal.InheritedSettings;
import dev.airlock.config.internal.ToolName;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Builds the configuration from its layers, in rising precedence: built-in defaults, the {@code airlock.yaml}
 * file, environment variables {@code AIRLOCK_*}, system properties {@code airlock.*}, and the agent's
 * arguments ({@code -javaagent:airlock-agent.jar=config=/path/airlock.yaml,mode=dry-run}).
 *
 * <p>One key has one name in every source, spelt the OpenTelemetry way: {@code audit.file} in the file and the
 * agent arguments, {@code -Dairlock.audit.file}, {@code AIRLOCK_AUDIT_FILE}. The file is the one the
 * {@code config} key names in the highest layer that sets it. A blank value for an optional key ({@code policy},
 * {@code environment}, {@code account}) clears what a lower layer set. Anything unknown or malformed is an
 * error that names its source; nothing is silently ignored.
 */
public final class ConfigLoader {

    private static final String CONFIG = "config";

    private ConfigLoader() {
    }

    /** The configuration of this JVM, from its environment, system properties and the given agent arguments. */
    public static AirlockConfig load(String agentArgs) throws ConfigException {
        return load(agentArgs, System.getenv(), System.getProperties());
    }

    /**
     * The configuration from these sources; {@code props} as they were when Airlock started, so that a later
     * {@code System.setProperty} changes nothing. Agent arguments that carry a parent JVM's settings
     * ({@code parent=...}) are the whole configuration: the child's own variables, properties and file are not
     * read.
     */
    public static AirlockConfig load(String agentArgs, Map<String, String> env, Properties props)
            throws ConfigException {
        String home = props.getProperty("user.home");
        String inherited = InheritedSettings.find(agentArgs);
        if (inherited != null) {
            Map<String, String> merged = defaults(props);
            ConfigSources.given(InheritedSettings.decode(inherited), home).applyTo(merged);
            return new AirlockConfig(merged);
        }
        ConfigLayer arguments = ConfigSources.agentArguments(agentArgs, home);
        ConfigLayer properties = ConfigSources.systemProperties(props, home);
        ConfigLayer environment = ConfigSources.environment(env, home);
        List<ConfigLayer> aboveFile = List.of(environment, properties, arguments);
        ConfigLayer file = fileNamedBy(aboveFile, home);

        Map<String, String> merged = defaults(props);
        if (file != null) {
            file.applyTo(merged);
        }
        aboveFile.forEach(layer -> layer.applyTo(merged));
        return new AirlockConfig(merged);
    }

    /** The file the highest layer that sets {@code config} names, or null. */
    private static ConfigLayer fileNamedBy(List<ConfigLayer> layersRising, String home) throws ConfigException {
        for (int i = layersRising.size() - 1; i >= 0; i--) {
            ConfigLayer layer = layersRising.get(i);
            if (layer.has(CONFIG)) {
                String path = layer.get(CONFIG);
                return path == null ? null : readFile(Path.of(path), layer.sourceOf(CONFIG), home);
            }
        }
        return null;
    }

    private static ConfigLayer readFile(Path path, String namedBy, String home) throws ConfigException {
        ConfigLayer file = ConfigFile.read(path, namedBy, home);
        if (file.has(CONFIG)) {
            throw new ConfigException(file.sourceOf(CONFIG) + ": config names the config file, so it cannot be "
                    + "set inside one");
        }
        return file;
    }

    /**
     * The audit file when nothing says otherwise, for {@code properties}' user: where refusals are recorded when
     * the configuration is too broken to name one.
     */
    public static Path defaultAuditFile(Properties properties) {
        return Path.of(defaults(properties).get(AirlockConfig.AUDIT_FILE));
    }

    static Map<String, String> defaults() {
        return defaults(System.getProperties());
    }

    private static Map<String, String> defaults(Properties props) {
        String home = props.getProperty("user.home", ".");
        Map<String, String> d = new HashMap<>();
        d.put(AirlockConfig.ENABLED, "true");
        d.put(AirlockConfig.MODE, "enforce");
        d.put(AirlockConfig.TOOL, ToolName.fromJavaCommand(props.getProperty("sun.java.command")));
        d.put(AirlockConfig.AUDIT_ENABLED, "true");
        d.put(AirlockConfig.AUDIT_FILE, Path.of(home, ".airlock", "audit.jsonl").toString());
        d.put(AirlockConfig.PLAN_DIR, Path.of(home, ".airlock", "plans").toString());
        d.put(AirlockConfig.CREDENTIALS_MODE, "ambient");
        d.put(AirlockConfig.READ_ON_ERROR, "open");
        d.put(AirlockConfig.REQUESTER_AWS_IDENTITY, "off");
        d.put(AirlockConfig.UNGUARDED, "fail");
        d.put(AirlockConfig.UNKNOWN, "hold");
        d.put(AirlockConfig.CREDENTIALS_DURATION, "900");
        d.put(AirlockConfig.CREDENTIALS_READ_ON_ERROR, "ambient");
        d.put(AirlockConfig.CREDENTIALS_READ_POLICY_ARN, "arn:aws:iam::aws:policy/ReadOnlyAccess");
        d.put(AirlockConfig.CREDENTIALS_FLOOR, "true");
        d.put(AirlockConfig.STATE_DIR, Path.of(home, ".airlock").toString());
        d.put(AirlockConfig.PROBE_TIMEOUT, "5s");
        d.put(AirlockConfig.PROBE_MAX_PAGES, "10");
        d.put(AirlockConfig.BUDGET_STORE, "local");
        d.put(AirlockConfig.BUDGET_TABLE, "airlock-budgets");
        d.put(AirlockConfig.BUDGET_WAIT, "0s");
        d.put(AirlockConfig.KILL_SWITCH_STORE, "local");
        d.put(AirlockConfig.KILL_SWITCH_TABLE, "airlock-kill-switch");
        d.put(AirlockConfig.KILL_SWITCH_BURST, "100/10s");
        d.put(AirlockConfig.KILL_SWITCH_RECREATE_WINDOW, "10m");
        d.put(AirlockConfig.APPROVAL_MODE, "fail-fast");
        d.put(AirlockConfig.APPROVAL_TIMEOUT, "5m");
        return d;
    }

    /** The defaults, the file {@code overrides} may name with {@code config}, then {@code overrides}. */
    static AirlockConfig fromMap(Map<String, String> overrides) throws ConfigException {
        String home = System.getProperty("user.home");
        ConfigLayer given = ConfigSources.given(overrides, home);
        Map<String, String> merged = defaults();
        ConfigLayer file = fileNamedBy(List.of(given), home);
        if (file != null) {
            file.applyTo(merged);
        }
        given.applyTo(merged);
        return new AirlockConfig(merged);
    }
}
