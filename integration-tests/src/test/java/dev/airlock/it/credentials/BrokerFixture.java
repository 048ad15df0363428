package dev.airlock.it.credentials;

import dev.airlock.it.harness.AirlockSettings;
import dev.airlock.it.harness.Backend;
import dev.airlock.it.harness.BuildPaths;
import dev.airlock.it.harness.GuardedJvm;
import dev.airlock.it.harness.LocalServers;
import dev.airlock.it.harness.ToolRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One broker scenario: STS on WireMock, a recording proxy in front of S3Mock, Airlock's own credentials in a
 * file only Airlock reads, and the tool's own (broad) key in its environment.
 */
final class BrokerFixture implements AutoCloseable {

    static final String ROLE = "arn:aws:iam::123456789012:role/airlock-actions";
    static final String BROKER_KEY = "AKIABROKERKEY0000001";
    static final String TOOL_KEY = "AKIATOOLORIGINAL0001";

    final StsStand sts = new StsStand();
    final Backend backend = LocalServers.shared();
    final RecordingS3 s3 = new RecordingS3(backend.s3());
    final Path workDir;
    private final Path brokerCredentials;
    private final Path policy;

    BrokerFixture(String name) {
        workDir = BuildPaths.freshWorkDir("credentials-" + name);
        brokerCredentials = workDir.resolve("broker-credentials");
        policy = workDir.resolve("policy.yaml");
        try {
            // The scenario's deletes are allowed: what is under test is the session they are signed with.
            Files.writeString(policy, "Version: \"2026-11-01\"\nStatement:\n  - Sid: ScenarioMayDelete\n"
                    + "    Effect: Allow\n    Action: [\"s3:DeleteObject\", \"s3:DeleteBucket\"]\n");
            Files.writeString(brokerCredentials, "[airlock-broker]\naws_access_key_id = " + BROKER_KEY
                    + "\naws_secret_access_key = brokersecret\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Broker mode on {@link #ROLE} for alice, through the STS stand, with Airlock's own profile file. */
    AirlockSettings settings() {
        return AirlockSettings.inWorkDir(workDir)
                .with("policy", policy.toString())
                .with("credentials.mode", "broker")
                .with("credentials.role-arn", ROLE)
                .with("credentials.source-identity", "alice")
                .with("credentials.profile", "airlock-broker")
                .with("credentials.profile-file", brokerCredentials.toString())
                .with("aws.endpoint.sts", sts.endpoint().toString())
                .with("aws.region", "us-east-1");
    }

    void bucket(String bucket, String... keys) {
        try (var client = backend.s3Client()) {
            client.createBucket(b -> b.bucket(bucket));
            for (String key : keys) {
                client.putObject(b -> b.bucket(bucket).key(key),
                        software.amazon.awssdk.core.sync.RequestBody.fromString("x"));
            }
        }
    }

    boolean exists(String bucket, String key) {
        try (var client = backend.s3Client()) {
            client.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** Runs the session tool under the agent on the 2.57 sample class path. */
    ToolRun run(AirlockSettings settings, String... steps) throws Exception {
        return run(BuildPaths.sampleClasspath(), settings, steps);
    }

    ToolRun run(String classpath, AirlockSettings settings, String... steps) throws Exception {
        List<String> args = new ArrayList<>();
        args.add(s3.endpoint().toString());
        args.addAll(List.of(steps));
        return GuardedJvm.of(classpath, resource("SessionTool.java").toString())
                .withAgent(BuildPaths.agentJar(), settings.agentArguments())
                .environment(Map.of("AWS_ACCESS_KEY_ID", TOOL_KEY, "AWS_SECRET_ACCESS_KEY", "toolsecret",
                        "AWS_REGION", "us-east-1", "AWS_EC2_METADATA_DISABLED", "true"))
                .arguments(args)
                .start().await(Duration.ofSeconds(120));
    }

    static Path resource(String name) {
        try {
            return Path.of(BrokerFixture.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The AssumeRole requests whose session policy is the call's own (not the shared read-only one). */
    List<StsStand.Received> perActionSessions() {
        return sts.received().stream().filter(r -> r.policy() != null).toList();
    }

    List<StsStand.Received> readOnlySessions() {
        return sts.received().stream().filter(r -> r.policy() == null && r.issuedKey() != null).toList();
    }

    @Override
    public void close() {
        sts.close();
        s3.close();
    }
}
