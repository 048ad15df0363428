package dev.airlock.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way a configuration can be wrong gets a message that names where, what, and what would be right. */
class ConfigErrorsTest {

    @TempDir
    Path dir;
    final Map<String, String> env = new HashMap<>();
    final Properties props = new Properties();

    ConfigErrorsTest() {
        props.setProperty("user.home", "/home/ada");
    }

    AbstractThrowableAssert<?, ? extends Throwable> loading(String args) {
        return assertThatThrownBy(() -> ConfigLoader.load(args, env, props)).isInstanceOf(ConfigException.class);
    }

    Path yaml(String text) throws Exception {
        Path file = dir.resolve("airlock.yaml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void anUnknownAgentArgumentSuggestsTheClosestKey() {
        loading("audit.fil=/tmp/a").hasMessage(
                "agent argument 'audit.fil=/tmp/a': unknown key 'audit.fil' (did you mean audit.file?)");
    }

    @Test
    void anUnknownEnvironmentVariableSuggestsItsEnvironmentName() {
        env.put("AIRLOCK_AUDIT_FIEL", "/tmp/a");
        loading(null).hasMessage(
                "environment variable AIRLOCK_AUDIT_FIEL: unknown key 'AUDIT_FIEL' (did you mean AIRLOCK_AUDIT_FILE?)");
    }

    @Test
    void anUnknownSystemPropertySuggestsItsPropertyName() {
        props.setProperty("airlock.moed", "dry-run");
        loading(null).hasMessage("system property airlock.moed: unknown key 'moed' (did you mean airlock.mode?)");
    }

    @Test
    void anUnknownKeyInTheFileNamesItsLine() throws Exception {
        Path file = yaml("mode: enforce\naudti:\n  file: /tmp/a\n");
        loading("config=" + file).hasMessage("config file " + file + ", line 3: unknown key 'audti.file' "
                + "(did you mean audit.file?)");
    }

    @Test
    void aKeyFarFromAnyKnownOneListsThemAll() {
        loading("colour=blue").hasMessageContaining("unknown key 'colour'")
                .hasMessageContaining("known keys: account, ")
                .hasMessageContaining("audit.enabled, audit.file, ")
                .hasMessageContaining(", mode, ").hasMessageContaining(", policy, ");
    }

    @Test
    void anUnknownKeyGivenInCodeIsAnError() {
        assertThatThrownBy(() -> AirlockConfig.of(Map.of("plan.directory", "/tmp")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("setting 'plan.directory': unknown key 'plan.directory' (did you mean plan.dir?)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mode=enforcing           | mode must be enforce or dry-run, not 'enforcing'",
        "enabled=yes              | enabled must be true or false, not 'yes'",
        "audit.enabled=0          | audit.enabled must be true or false, not '0'",
        "credentials.mode=sso     | credentials.mode must be ambient or broker, not 'sso'",
        "read.on-error=fail       | read.on-error must be open or closed, not 'fail'",
        "account=12345            | account must be a 12-digit AWS account id, not '12345'",
        "audit.file=              | audit.file must not be empty",
        "plan.dir=                | plan.dir must not be empty",
        "tool=                    | tool must not be empty",
    })
    void aBadValueSaysWhatTheKeyAccepts(String argument, String problem) {
        loading(argument).hasMessage("agent argument '" + argument + "': " + problem);
    }

    @Test
    void aBadValueInTheEnvironmentNamesTheVariable() {
        env.put("AIRLOCK_MODE", "dryrun");
        loading(null).hasMessage("environment variable AIRLOCK_MODE: mode must be enforce or dry-run, not 'dryrun'");
    }

    @Test
    void aBadValueInTheFileNamesTheFileAndLine() throws Exception {
        Path file = yaml("audit:\n  enabled: maybe\n");
        loading("config=" + file).hasMessage("config file " + file + ", line 2: audit.enabled must be true or "
                + "false, not 'maybe'");
    }

    @Test
    void anArgumentThatIsNotKeyValueIsAnError() {
        loading("config=/x.yaml,dry-run").hasMessageStartingWith("agent arguments: 'dry-run' is not key=value");
        loading("=dry-run").hasMessageStartingWith("agent arguments: '=dry-run' is not key=value");
    }

    @Test
    void aKeyGivenTwiceInOneSourceIsAnError() {
        loading("mode=enforce,mode=dry-run").hasMessage(
                "agent argument 'mode=dry-run': mode is set twice (also at agent argument 'mode=enforce')");
    }

    @Test
    void aMissingConfigFileNamesThePathWhoNamedItAndWhy() {
        Path missing = dir.resolve("nope.yaml");
        env.put("AIRLOCK_CONFIG", missing.toString());
        loading(null).hasMessage("config file " + missing + " (named by environment variable AIRLOCK_CONFIG): "
                + "cannot read it: no such file");
    }

    @Test
    void aDirectoryIsNotAConfigFile() {
        loading("config=" + dir).hasMessageEndingWith("cannot read it: it is a directory");
    }

    @Test
    void anUnreadableConfigFileSaysPermissionDenied() throws Exception {
        assumeTrue(!"root".equals(System.getProperty("user.name")), "root reads any file");
        Path file = yaml("mode: enforce\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        loading("config=" + file).hasMessageEndingWith("cannot read it: permission denied");
    }

    @Test
    void aYamlSyntaxErrorGivesTheLine() throws Exception {
        Path file = yaml("mode: enforce\ntool: codex\n  plan.dir: /tmp/p\n");
        loading("config=" + file).hasMessage("config file " + file + " (named by agent argument 'config=" + file
                + "'): YAML syntax error at line 3, column 11: mapping values are not allowed here");
    }

    @Test
    void aListWhereAValueBelongsIsAnError() throws Exception {
        Path file = yaml("tool:\n  - a\n  - b\n");
        loading("config=" + file).hasMessage("config file " + file + ", line 1: tool must be a single value, "
                + "not a list");
    }

    @Test
    void aMapWhereAValueBelongsIsAnError() throws Exception {
        Path file = yaml("mode:\n  strict: true\n");
        loading("config=" + file).hasMessage("config file " + file + ", line 1: mode must be a single value, "
                + "not a map");
    }

    @Test
    void aFileThatIsNotAMapIsAnError() throws Exception {
        Path file = yaml("- mode: enforce\n");
        loading("config=" + file).hasMessageContaining("must be a map of settings (key: value), not a list");
    }

    @Test
    void aKeySetTwiceInTheFileIsAnError() throws Exception {
        Path file = yaml("audit.file: /a\naudit:\n  file: /b\n");
        loading("config=" + file).hasMessage("config file " + file + ", line 3: audit.file is set twice (also at "
                + "config file " + file + ", line 1)");
        Path plain = yaml("mode: enforce\nmode: dry-run\n");
        loading("config=" + plain).hasMessageContaining("Duplicate field 'mode'").hasMessageContaining("line 2");
    }

    @Test
    void aConfigFileCannotNameAnother() throws Exception {
        Path file = yaml("config: /etc/other.yaml\n");
        loading("config=" + file).hasMessage("config file " + file + ", line 1: config names the config file, so "
                + "it cannot be set inside one");
    }

    @Test
    void aSecondYamlDocumentIsAnError() throws Exception {
        Path file = yaml("mode: enforce\n---\nmode: dry-run\n");
        loading("config=" + file).hasMessageContaining("holds a second YAML document at line 3");
    }

    @Test
    void aYamlAliasIsRefusedRatherThanMisread() throws Exception {
        Path file = yaml("environment: &env prod\ntool: *env\n");
        loading("config=" + file).hasMessageContaining("line 2: tool uses a YAML alias (*env)");
    }

    @Test
    void anErrorInOneLayerIsReportedEvenWhenAHigherLayerSetsTheKeyWell() {
        env.put("AIRLOCK_MODE", "nonsense");
        loading("mode=enforce").hasMessageContaining("AIRLOCK_MODE");
    }

    @Test
    void aGoodConfigurationLoads() throws Exception {
        assertThat(ConfigLoader.load("mode=dry-run", env, props).mode()).isEqualTo(AirlockConfig.Mode.DRY_RUN);
    }
}
