package dev.airlock.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each layer on its own, and how they stack. Errors are in {@link ConfigErrorsTest}. */
class ConfigLoaderTest {

    @TempDir
    Path dir;
    final Map<String, String> env = new HashMap<>();
    final Properties props = new Properties();

    ConfigLoaderTest() {
        props.setProperty("user.home", "/home/ada");
        props.setProperty("sun.java.command", "com.acme.agent.CodingAgent --fast");
        props.setProperty("java.version", "17"); // not Airlock's: left alone
        env.put("PATH", "/usr/bin"); // not Airlock's: left alone
    }

    AirlockConfig load(String args) throws ConfigException {
        return ConfigLoader.load(args, env, props);
    }

    Path yaml(String text) throws Exception {
        Path file = dir.resolve("airlock-" + System.nanoTime() + ".yaml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void withNothingSetTheDefaultsHold() throws Exception {
        AirlockConfig c = load(null);
        assertThat(c.enabled()).isTrue();
        assertThat(c.mode()).isEqualTo(AirlockConfig.Mode.ENFORCE);
        assertThat(c.auditEnabled()).isTrue();
        assertThat(c.auditFile()).isEqualTo(Path.of("/home/ada/.airlock/audit.jsonl"));
        assertThat(c.planDir()).isEqualTo(Path.of("/home/ada/.airlock/plans"));
        assertThat(c.tool()).isEqualTo("CodingAgent");
        assertThat(c.policyFile()).isNull();
        assertThat(c.environment()).isNull();
        assertThat(c.account()).isNull();
        assertThat(c.brokeredCredentials()).isFalse();
        assertThat(c.readsFailOpen()).isTrue();
    }

    @Test
    void theToolIsTheMainJarWhenTheJvmRanOne() throws Exception {
        props.setProperty("sun.java.command", "/opt/tools/review-bot-2.1.jar --repo x");
        assertThat(load("").tool()).isEqualTo("review-bot-2.1");
        props.remove("sun.java.command");
        assertThat(load("").tool()).isEqualTo("unknown-tool");
    }

    @Test
    void theDefaultsOfThisJvmUseItsHome() {
        AirlockConfig c = AirlockConfig.defaults();
        assertThat(c.auditFile()).isEqualTo(Path.of(System.getProperty("user.home"), ".airlock", "audit.jsonl"));
        assertThat(c.planDir()).isEqualTo(Path.of(System.getProperty("user.home"), ".airlock", "plans"));
        assertThat(c.tool()).isNotBlank();
    }

    @Test
    void theFileSetsKeysNestedOrDotted() throws Exception {
        Path file = yaml("""
                # Airlock for the data team
                mode: dry-run
                tool: coding-agent
                environment: prod
                account: "123456789012"
                policy: ~/policies/prod.yaml
                audit:
                  file: /var/log/airlock/audit.jsonl
                  enabled: yes
                plan.dir: /var/lib/airlock/plans
                credentials:
                  mode: broker
                read:
                  on-error: closed
                """);
        AirlockConfig c = load("config=" + file);
        assertThat(c.mode()).isEqualTo(AirlockConfig.Mode.DRY_RUN);
        assertThat(c.tool()).isEqualTo("coding-agent");
        assertThat(c.environment()).isEqualTo("prod");
        assertThat(c.account()).isEqualTo("123456789012");
        assertThat(c.policyFile()).isEqualTo(Path.of("/home/ada/policies/prod.yaml"));
        assertThat(c.auditFile()).isEqualTo(Path.of("/var/log/airlock/audit.jsonl"));
        assertThat(c.auditEnabled()).isTrue();
        assertThat(c.planDir()).isEqualTo(Path.of("/var/lib/airlock/plans"));
        assertThat(c.brokeredCredentials()).isTrue();
        assertThat(c.readsFailOpen()).isFalse();
    }

    @Test
    void anEmptyFileChangesNothing() throws Exception {
        assertThat(load("config=" + yaml("# nothing yet\n")).asMap())
                .containsAllEntriesOf(withoutConfig(load(null).asMap()));
    }

    @Test
    void environmentVariablesFollowTheOpenTelemetryConvention() throws Exception {
        env.put("AIRLOCK_AUDIT_FILE", "/tmp/a.jsonl");
        env.put("AIRLOCK_READ_ON_ERROR", "closed");
        env.put("AIRLOCK_AUDIT_ENABLED", "FALSE");
        env.put("AIRLOCK_MODE", "Dry-Run");
        AirlockConfig c = load(null);
        assertThat(c.auditFile()).isEqualTo(Path.of("/tmp/a.jsonl"));
        assertThat(c.readsFailOpen()).isFalse();
        assertThat(c.auditEnabled()).isFalse();
        assertThat(c.mode()).isEqualTo(AirlockConfig.Mode.DRY_RUN);
    }

    @Test
    void systemPropertiesUseTheAirlockPrefix() throws Exception {
        props.setProperty("airlock.plan.dir", "~/plans");
        props.setProperty("airlock.read.on-error", "closed");
        props.setProperty("airlock.enabled", "false");
        AirlockConfig c = load(null);
        assertThat(c.planDir()).isEqualTo(Path.of("/home/ada/plans"));
        assertThat(c.readsFailOpen()).isFalse();
        assertThat(c.enabled()).isFalse();
    }

    @Test
    void agentArgumentsAreCommaSeparatedKeyValues() throws Exception {
        AirlockConfig c = load(" mode = dry-run , audit.enabled=false,, tool=codex ");
        assertThat(c.mode()).isEqualTo(AirlockConfig.Mode.DRY_RUN);
        assertThat(c.auditEnabled()).isFalse();
        assertThat(c.tool()).isEqualTo("codex");
    }

    @Test
    void eachLayerOverridesTheOnesBelowIt() throws Exception {
        Path file = yaml("tool: from-file\n");
        env.put("AIRLOCK_CONFIG", file.toString());
        assertThat(load(null).tool()).isEqualTo("from-file");

        env.put("AIRLOCK_TOOL", "from-env");
        assertThat(load(null).tool()).isEqualTo("from-env");

        props.setProperty("airlock.tool", "from-property");
        assertThat(load(null).tool()).isEqualTo("from-property");

        assertThat(load("tool=from-argument").tool()).isEqualTo("from-argument");
    }

    @Test
    void theHighestLayerThatNamesAFileWins() throws Exception {
        Path low = yaml("tool: low\n");
        Path high = yaml("tool: high\n");
        env.put("AIRLOCK_CONFIG", low.toString());
        props.setProperty("airlock.config", "/nowhere/that/exists.yaml");
        assertThat(load("config=" + high).tool()).isEqualTo("high");
    }

    @Test
    void aBlankValueClearsAnOptionalKeySetBelow() throws Exception {
        env.put("AIRLOCK_CONFIG", yaml("policy: /etc/airlock/policy.yaml\nenvironment: prod\n").toString());
        env.put("AIRLOCK_POLICY", "");
        AirlockConfig c = load("environment=");
        assertThat(c.policyFile()).isNull();
        assertThat(c.environment()).isNull();
    }

    @Test
    void aBlankConfigNamesNoFile() throws Exception {
        env.put("AIRLOCK_CONFIG", "/nowhere/airlock.yaml");
        assertThat(load("config=").tool()).isEqualTo("CodingAgent");
    }

    @Test
    void settingsGivenInCodeAreLaidOverTheDefaults() throws Exception {
        AirlockConfig c = AirlockConfig.of(Map.of("mode", "dry-run", "audit.file", "/tmp/x.jsonl"));
        assertThat(c.mode()).isEqualTo(AirlockConfig.Mode.DRY_RUN);
        assertThat(c.auditFile()).isEqualTo(Path.of("/tmp/x.jsonl"));
        assertThat(c.planDir()).isEqualTo(AirlockConfig.defaults().planDir());
    }

    @Test
    void settingsGivenInCodeMayNameAFile() throws Exception {
        Path file = yaml("tool: from-file\nmode: dry-run\n");
        AirlockConfig c = AirlockConfig.of(Map.of("config", file.toString(), "tool", "from-code"));
        assertThat(c.tool()).isEqualTo("from-code");
        assertThat(c.mode()).isEqualTo(AirlockConfig.Mode.DRY_RUN);
    }

    private static Map<String, String> withoutConfig(Map<String, String> m) {
        Map<String, String> copy = new HashMap<>(m);
        copy.remove("config");
        return copy;
    }
}
