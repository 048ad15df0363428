package dev.airlock.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code airlock explain} and a guarded JVM give the same effect for the same calls, under policies that name
 * actions and resources: a team can test its policy with {@code explain} and trust the answer.
 */
class ExplainAgreesIT extends AgainstS3Stand {

    private static final Duration RUN = Duration.ofSeconds(90);
    private static final Map<String, String> POLICIES = Map.of(
            "allow-doomed", "  - Sid: DoomedMayGo\n    Effect: Allow\n    Action: \"s3:DeleteBucket\"\n"
                    + "    Resource: \"arn:aws:s3:::doomed-*\"\n",
            "deny-doomed", "  - Sid: NeverDoomed\n    Effect: Deny\n    Action: [\"s3:DeleteBucket\"]\n"
                    + "    Resource: \"arn:aws:s3:::doomed-sync\"\n",
            "allow-other", "  - Sid: OtherMayGo\n    Effect: Allow\n    Action: \"s3:DeleteBucket\"\n"
                    + "    Resource: \"arn:aws:s3:::other-*\"\n",
            "deny-listing", "  - Sid: NoListing\n    Effect: Deny\n    Action: \"s3:ListAllMyBuckets\"\n"
                    + "    Resource: \"*\"\n");

    @ParameterizedTest(name = "policy {0}")
    @ValueSource(strings = {"allow-doomed", "deny-doomed", "allow-other", "deny-listing"})
    void explainAndTheAgentAgree(String name) throws Exception {
        Path policy = Files.writeString(dir.resolve(name + ".yaml"), "Version: \"2026-11-01\"\nStatement:\n"
                + POLICIES.get(name));
        boolean listProceeds;
        boolean deleteProceeds;
        try (ForkedJvm agent = build.guardedProgram(dir.resolve("cache"), "audit.enabled=false,policy=" + policy
                + ",plan.dir=" + dir.resolve("plans")).start(S3Program.class.getName(), s3.endpoint(), "sync")) {
            agent.awaitExit(RUN);
            assertThat(agent.out()).as(agent.transcript()).contains("DONE");
            listProceeds = agent.out().contains("sync ListBuckets SENT");
            deleteProceeds = agent.out().contains("sync DeleteBucket SENT");
        }
        assertThat(explain(policy, "s3:ListBuckets", "{}")).as("ListBuckets under " + name)
                .isEqualTo(listProceeds);
        assertThat(explain(policy, "s3:DeleteBucket", "{\"Bucket\":\"doomed-sync\"}"))
                .as("DeleteBucket under " + name).isEqualTo(deleteProceeds);
    }

    private boolean explain(Path policy, String action, String request) throws Exception {
        Path cli = build.agentJar.getParent().getParent().getParent().resolve("runtime/target/airlock.jar");
        try (ForkedJvm run = ForkedJvm.java(Path.of(System.getProperty("java.home"))).classpath(cli.toString())
                .start("dev.airlock.cli.AirlockCli", "explain", action, "--policy", policy.toString(), "--region",
                        "us-east-1", "--request", request)) {
            assertThat(run.awaitExit(RUN)).as(run.transcript()).isZero();
            return new ObjectMapper().readTree(String.join("\n", run.out())).path("proceeds").asBoolean();
        }
    }
}
