package dev.airlock.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.audit.AuditLog;
import dev.airlock.audit.AuditRecord;
import dev.airlock.audit.RecordingAuditLog;
import dev.airlock.call.Classification;
import dev.airlock.config.AirlockConfig;
import dev.airlock.config.ConfigException;
import dev.airlock.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's part in keeping the guard on: unknown actions held, settings fixed at start, children pinned. */
class SideDoorsTest {

    @TempDir
    Path dir;

    @Test
    void anActionNothingKnowsIsHeldByDefaultAndGoesAsAWriteWhenAllowed() throws Exception {
        Engine held = Engine.builder(AirlockConfig.defaults()).build();
        Engine allowed = Engine.builder(AirlockConfig.of(Map.of("unknown", "allow"))).build();

        assertThat(call(held, "Foo", "foo", "Nuke").classification()).isEqualTo(Classification.DESTRUCTIVE);
        assertThat(held.decide(call(held, "Foo", "foo", "Nuke")).proceeds()).isFalse();
        assertThat(call(allowed, "Foo", "foo", "Nuke").classification()).isEqualTo(Classification.WRITE);
        // A known verb on an unknown action keeps the name rules' reading.
        assertThat(call(held, "Foo", "foo", "CreateWidget").classification()).isEqualTo(Classification.WRITE);
        assertThat(call(held, "Foo", "foo", "DescribeWidgets").classification()).isEqualTo(Classification.READ);
    }

    @Test
    void aPropertyChangedAfterStartIsIgnoredAndAuditedOnce() {
        RecordingAuditLog audit = new RecordingAuditLog();
        Engine engine = Engine.builder(AirlockConfig.defaults()).audit(audit).build();
        Properties atStart = (Properties) System.getProperties().clone();
        engine.watchSettings(atStart);
        String key = "airlock.side-doors-test";
        try {
            System.setProperty(key, "false");
            engine.recordSettingChanges();
            engine.recordSettingChanges();
        } finally {
            System.clearProperty(key);
        }
        assertThat(audit.records).hasSize(1);
        assertThat(audit.records.get(0).reason()).contains("system property " + key + " was set to 'false' after "
                + "Airlock started", "ignored");
        assertThat(audit.records.get(0).verdict()).isEqualTo("DENY");
    }

    @Test
    void settingsComeFromThePropertiesAsTheyWereAtStart() throws Exception {
        Properties atStart = new Properties();
        atStart.setProperty("user.home", dir.toString());
        atStart.setProperty("airlock.mode", "dry-run");
        AirlockConfig config = ConfigLoader.load(null, Map.of(), atStart);
        assertThat(config.mode()).isEqualTo(AirlockConfig.Mode.DRY_RUN);
    }

    @Test
    void aChildTakesItsParentsSettingsAndIgnoresItsOwn() throws Exception {
        Path policy = Files.writeString(dir.resolve("p.yaml"), "Version: \"2026-11-01\"\nStatement:\n"
                + "  - Sid: HoldAll\n    Effect: RequireApproval\n    Action: \"*\"\n    Resource: \"*\"\n");
        Engine parent = Engine.start(AirlockConfig.of(Map.of("policy", policy.toString(), "audit.enabled", "false",
                "mode", "dry-run")));
        String argument = dev.airlock.config.internal.InheritedSettings.argument(parent.settingsForChildren());

        Properties childProps = new Properties();
        childProps.setProperty("user.home", dir.toString());
        childProps.setProperty("airlock.enabled", "false");
        childProps.setProperty("airlock.mode", "enforce");
        AirlockConfig child = ConfigLoader.load(argument, Map.of("AIRLOCK_POLICY", "/dev/null"), childProps);

        assertThat(child.enabled()).isTrue();
        assertThat(child.mode()).isEqualTo(AirlockConfig.Mode.DRY_RUN);
        assertThat(child.policyFile()).isEqualTo(policy);
        assertThat(child.policySha256()).hasSize(64);
        assertThat(Engine.start(child).decide(call(parent, "S3", "s3", "DeleteBucket")).proceeds()).isFalse();

        Files.writeString(policy, "Version: \"2026-11-01\"\nStatement: []\n");
        assertThatThrownBy(() -> Engine.start(child)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("is not the policy this JVM was started with");
    }

    @Test
    void aHeldCallIsNamedByTheActionThatDestroys() {
        Engine engine = Engine.builder(AirlockConfig.defaults()).build();
        Map<String, Object> transaction = Map.of("TransactItems", List.of(
                Map.of("Put", Map.of("TableName", "orders", "Item", Map.of("id", Map.of("S", "1")))),
                Map.of("Delete", Map.of("TableName", "orders", "Key", Map.of("id", Map.of("S", "2"))))));
        dev.airlock.call.Call call = engine.sdkCalls().toCall("sdk", "DynamoDb", "dynamodb", "TransactWriteItems",
                "us-east-1", null, transaction, null);
        assertThat(call.action()).isEqualTo("dynamodb:DeleteItem");
        assertThat(engine.decide(call).messageFor(call)).contains("dynamodb:DeleteItem");

        dev.airlock.call.Call partiql = engine.sdkCalls().toCall("sdk", "DynamoDb", "dynamodb", "ExecuteStatement",
                "us-east-1", null, Map.of("Statement", "DELETE FROM orders WHERE id = '2'"), null);
        assertThat(partiql.action()).isEqualTo("dynamodb:PartiQLDelete");
    }

    @Test
    void theClisAgentJarVariableIsNotASetting() throws Exception {
        Properties props = new Properties();
        props.setProperty("user.home", dir.toString());
        AirlockConfig config = ConfigLoader.load(null, Map.of("AIRLOCK_AGENT_JAR", "/opt/airlock/airlock-agent.jar"),
                props);
        assertThat(config.enabled()).isTrue();
    }

    @Test
    void aBrokenConfigurationNamesTheIamActionItRefuses() {
        FailClosedGuard guard = new FailClosedGuard(dev.airlock.catalog.ActionCatalog.builtIn(), "the policy is broken");
        assertThat(guard.decide("sdk", "S3", "s3", "DeleteBucket", "us-east-1", null, Map.of(), null).message())
                .startsWith("Airlock denied s3:DeleteBucket: it was NOT sent. Why: the policy is broken.");
    }

    private static dev.airlock.call.Call call(Engine engine, String sdkService, String signingName, String op) {
        return engine.sdkCalls().toCall("sdk", sdkService, signingName, op, "us-east-1", null, Map.of(), null);
    }

}
