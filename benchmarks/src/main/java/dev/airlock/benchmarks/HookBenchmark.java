package dev.airlock.benchmarks;

import dev.airlock.bridge.AirlockBridge;
import dev.airlock.audit.AuditLog;
import dev.airlock.call.Call;
import dev.airlock.call.Requester;
import dev.airlock.config.AirlockConfig;
import dev.airlock.config.ConfigLoader;
import dev.airlock.credentials.CredentialsIssuer;
import dev.airlock.credentials.SessionCredentials;
import dev.airlock.engine.Engine;
import dev.airlock.sdk.internal.AgentHook;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import software.amazon.awssdk.awscore.client.config.AwsClientOption;
import software.amazon.awssdk.core.client.config.SdkClientConfiguration;
import software.amazon.awssdk.core.client.config.SdkClientOption;
import software.amazon.awssdk.core.client.handler.ClientExecutionParams;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * Exactly the code the agent adds to a read, in-process and without the network around it: the hook call at the
 * start of {@code AwsExecutionContextBuilder.invokeInterceptorsAndCreateExecutionContext}, with the engine as the
 * agent starts it (audit written to a file by the background writer). A sub-microsecond cost is lost in the noise
 * of a whole SDK call; here it is measured on its own.
 *
 * <p>Three policies: the built-in one; the {@link OrganisationPolicy} of 1,000 statements, where a read of a team's
 * bucket may be denied or held by another team's statement, so the hook reads the request and the engine decides
 * it in full; and the allow-list policy of 1,000 statements, whose reads are allowed whichever statement matches,
 * so they stay on the fast path. The read is a HeadObject of the bucket of a team whose own statement allows it.
 *
 * <p>And {@code broker-built-in}: the built-in policy with {@code credentials.mode: broker}, where every read is
 * decided from its request and signed with the read session the broker hands out. The broker is an in-process
 * one that hands out one fixed session, as the real one does once it holds the shared read session: what is
 * measured is the hook's side (request, decision, audit, the request rebuilt with the session), not STS.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HookBenchmark {

    @Param({"built-in", "organisation-1000", "allow-list-1000", "broker-built-in"})
    public String policy;

    private Path directory;
    private Engine engine;
    private ClientExecutionParams<HeadObjectRequest, HeadObjectResponse> params;
    private SdkClientConfiguration config;

    @Setup(Level.Trial)
    public void start() throws Exception {
        directory = Files.createTempDirectory("airlock-hook-bench");
        String settings = "audit.file=" + directory.resolve("audit.jsonl") + ",plan.dir=" + directory.resolve("plans");
        if (policy.startsWith("broker")) {
            settings += ",credentials.mode=broker";
        } else if (!policy.equals("built-in")) {
            Path file = directory.resolve(policy + ".json");
            Files.writeString(file, policy.startsWith("organisation") ? OrganisationPolicy.text(1000)
                    : OrganisationPolicy.allowListText(1000));
            settings += ",policy=" + file;
        }
        if (policy.startsWith("broker")) {
            AirlockConfig config = ConfigLoader.load(settings);
            engine = Engine.builder(config).audit(AuditLog.toFile(config.auditFile(), Requester.ofThisProcess("bench")))
                    .credentials(new OneReadSession()).build();
        } else {
            engine = Engine.start(ConfigLoader.load(settings));
        }
        AirlockBridge.installCallGuard(engine.guard());
        String bucket = "team-" + OrganisationPolicy.teamAllowing("s3:GetObject", 1000) + "-data";
        params = new ClientExecutionParams<HeadObjectRequest, HeadObjectResponse>()
                .withOperationName("HeadObject")
                .withInput(HeadObjectRequest.builder().bucket(bucket).key("2026/11/summary.txt").build());
        config = SdkClientConfiguration.builder()
                .option(SdkClientOption.SERVICE_NAME, "S3")
                .option(AwsClientOption.SERVICE_SIGNING_NAME, "s3")
                .option(AwsClientOption.AWS_REGION, Region.US_EAST_1)
                .option(SdkClientOption.ENDPOINT, URI.create("https://s3.us-east-1.amazonaws.com"))
                .build();
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        AirlockBridge.installCallGuard(null);
        engine.close();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** What the agent adds to every read: the hook, the fast path, one audit record queued. */
    @Benchmark
    public void readHook() {
        AgentHook.beforeExecution(params, config);
    }

    /** A broker that already holds its read session: every call gets the same one. */
    private static final class OneReadSession implements CredentialsIssuer {
        private final SessionCredentials session = new SessionCredentials("ASIABENCHMARKREAD", "secret", "token",
                Instant.now().plus(Duration.ofHours(1)), null);

        @Override
        public SessionCredentials issue(Call call, String approvalId) {
            return session;
        }

        @Override
        public SessionCredentials readSession() {
            return session;
        }
    }
}
