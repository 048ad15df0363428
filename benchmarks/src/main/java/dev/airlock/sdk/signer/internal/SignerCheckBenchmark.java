package dev.airlock.sdk.signer.internal;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * What the signer hook adds to every signing the client pipeline does: the bounded stack walk that tells it the
 * pipeline is signing, beside the SigV4 signing of a GetObject it precedes. Here the walk stops at the benchmark's
 * own frame (not the SDK's), two frames up; in a pipeline it stops at the signing stage, about five frames up, and
 * a stack walk costs mostly its set-up and its first batch of frames. Read the two as a ratio from the same run:
 * {@code java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main SignerCheckBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SignerCheckBenchmark {

    private AwsV4HttpSigner signer;
    private SignRequest<AwsCredentialsIdentity> request;

    @Setup
    public void setUp() {
        signer = AwsV4HttpSigner.create();
        SdkHttpRequest http = SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .uri(URI.create("https://bucket.s3.us-east-1.amazonaws.com/2026/11/summary.txt")).build();
        request = SignRequest.builder(AwsCredentialsIdentity.create("AKIDEXAMPLE", "secret")).request(http)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1").build();
    }

    @Benchmark
    public Object sign() {
        return signer.sign(request);
    }

    @Benchmark
    public boolean pipelineCheck() {
        return PipelineSigning.insidePipeline();
    }

    @Benchmark
    public Object signAfterPipelineCheck() {
        return PipelineSigning.insidePipeline() ? null : signer.sign(request);
    }
}
