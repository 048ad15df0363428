package dev.airlock.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.call.Call;
import dev.airlock.config.AirlockConfig;
import dev.airlock.credentials.CredentialsIssuer;
import dev.airlock.credentials.SessionCredentials;
import dev.airlock.engine.Engine;
import dev.airlock.policy.Policy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * In broker mode every child starts on the read-only floor the credentials issuer keeps; a child whose
 * destructive command the gates let through runs with that action's session instead.
 */
class ReadOnlyFloorChildrenTest {

    private static final Map<String, String> FLOOR = Map.of("AWS_ACCESS_KEY_ID", "ASIAREADONLY",
            "AWS_SECRET_ACCESS_KEY", "ro-secret", "AWS_SESSION_TOKEN", "ro-token", "AWS_PROFILE", "airlock-read-only");

    private static final class Issuer implements CredentialsIssuer {
        @Override
        public SessionCredentials issue(Call call, String approvalId) {
            return new SessionCredentials("ASIAACTION", "action-secret", "action-token", null, null);
        }

        @Override
        public Map<String, String> childEnvironment() {
            return FLOOR;
        }
    }

    private static ProcessGuard guard() throws Exception {
        AirlockConfig config = AirlockConfig.of(Map.of(AirlockConfig.CREDENTIALS_MODE, "broker",
                AirlockConfig.AUDIT_ENABLED, "false"));
        Policy allowAll = Policy.parse("Version: \"2026-11-01\"\nStatement:\n  - Sid: All\n    Effect: Allow\n"
                + "    Action: \"*\"\n", "test");
        Engine engine = Engine.builder(config).policy(allowAll).credentials(new Issuer()).build();
        return ProcessGuard.builder(engine).terraformPlanSeconds(0).build();
    }

    @Test
    void anyChildStartsWithOnlyTheReadOnlySession() throws Exception {
        ProcessDecision d = guard().decide(List.of("python3", "tool.py"),
                Map.of("AWS_ACCESS_KEY_ID", "AKIABROAD"), Path.of("/work"));

        assertThat(d.proceeds()).isTrue();
        assertThat(d.environment()).containsAllEntriesOf(FLOOR);
    }

    @Test
    void aChildLetThroughWithADestructiveCommandGetsThatActionsSession() throws Exception {
        ProcessDecision d = guard().decide(List.of("aws", "s3api", "delete-bucket", "--bucket", "b"),
                Map.of(), Path.of("/work"));

        assertThat(d.proceeds()).isTrue();
        assertThat(d.environment()).containsEntry("AWS_ACCESS_KEY_ID", "ASIAACTION")
                .containsEntry("AWS_SESSION_TOKEN", "action-token");
    }
}
