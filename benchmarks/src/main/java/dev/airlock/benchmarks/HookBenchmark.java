package dev.airlock.benchmarks;

import dev.airlock.bridge.AirlockBridge;
import dev.airlock.config.ConfigLoader;
import dev.airlock.engine.Engine;
import dev.airlock.sdk.internal.AgentHook;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
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
 * agent starts it (built-in policy, audit written to a file by the background writer). A sub-microsecond cost is
 * lost in the noise of a whole SDK call; here it is measured on its own.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HookBenchmark {

    private Path directory;
    private Engine engine;
    private ClientExecutionParams<HeadObjectRequest, HeadObjectResponse> params;
    private SdkClientConfiguration config;

    @Setup(Level.Trial)
    public void start() throws Exception {
        directory = Files.createTempDirectory("airlock-hook-bench");
        engine = Engine.start(ConfigLoader.load("audit.file=" + directory.resolve("audit.jsonl") + ",plan.dir="
                + directory.resolve("plans")));
        AirlockBridge.installCallGuard(engine.guard());
        params = new ClientExecutionParams<HeadObjectRequest, HeadObjectResponse>()
                .withOperationName("HeadObject")
                .withInput(SdkClients.HEAD_OBJECT);
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
}
