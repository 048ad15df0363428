package dev.airlock.it.egress;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.airlock.it.harness.AirlockSettings;
import dev.airlock.it.harness.AuditTrail;
import dev.airlock.it.harness.Backend;
import dev.airlock.it.harness.BuildPaths;
import dev.airlock.it.harness.GuardedJvm;
import dev.airlock.it.harness.LocalServers;
import dev.airlock.it.harness.ToolRun;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A host on AWS SDK 2.20, and the same host on 2.57, under the agent, while Airlock's own relocated SDK calls STS (a WireMock stand-in
 * speaking the real STS query protocol) from inside the same JVM: the host's calls are still decided, Airlock's
 * own are not, and neither SDK sees the other.
 */
class OwnSdkBesideAnOlderHostSdkIT {

    private static final String ARN = "arn:aws:iam::123456789012:user/dev-alice";
    private static final String BUCKET = "legacy-host-data";

    private final Backend backend = LocalServers.shared();
    private WireMockServer sts;

    @BeforeEach
    void startStsAndSeed() {
        sts = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        sts.start();
        sts.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=GetCallerIdentity"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(
                        "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                                + "<GetCallerIdentityResult><Arn>" + ARN + "</Arn><UserId>AIDAEXAMPLE</UserId>"
                                + "<Account>123456789012</Account></GetCallerIdentityResult>"
                                + "<ResponseMetadata><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId>"
                                + "</ResponseMetadata></GetCallerIdentityResponse>")));
        try (S3Client s3 = backend.s3Client()) {
            if (s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(BUCKET))) {
                s3.createBucket(b -> b.bucket(BUCKET));
            }
            for (int i = 0; i < 3; i++) {
                int n = i;
                s3.putObject(b -> b.bucket(BUCKET).key("part-" + n), RequestBody.fromString("data " + n));
            }
        }
    }

    @AfterEach
    void stopSts() {
        sts.stop();
    }

    static Stream<Arguments> hosts() {
        return Stream.of(Arguments.of("2.20.162", BuildPaths.legacyHostClasspath()),
                Arguments.of("2.57.8", BuildPaths.legacyHostOnCurrentSdkClasspath()));
    }

    @ParameterizedTest(name = "host on AWS SDK {0}")
    @MethodSource("hosts")
    void theHostsDeleteIsHeldWhileAirlocksOwnStsCallGoesOutUndecided(String sdkVersion, String classpath)
            throws Exception {
        AirlockSettings settings = AirlockSettings.inWorkDir(BuildPaths.freshWorkDir("OwnSdkBeside-" + sdkVersion))
                .with("requester.aws-identity", "sts")
                .with("aws.endpoint.sts", sts.baseUrl());

        ToolRun run = GuardedJvm.of(classpath, "dev.airlock.hosts.LegacyS3Tool")
                .withAgent(BuildPaths.agentJar(), settings.agentArguments())
                .environment(backend.environment())
                .arguments(List.of(backend.s3().toString(), BUCKET))
                .start().await(Duration.ofSeconds(90));

        assertThat(run.exitCode()).as(run.transcript()).isZero();
        assertThat(run.step("SDK ")).isEqualTo("SDK " + sdkVersion);
        assertThat(run.step("ListBuckets ")).startsWith("ListBuckets ok");
        assertThat(run.step("DeleteBucket ")).contains("Airlock held s3:DeleteBucket", "NOT sent");
        assertThat(run.step("Airlock's own SDK ")).as("the host cannot reach the SDK Airlock is never decided on")
                .isEqualTo("Airlock's own SDK not reachable");
        // The host's own start says what it says (its logging set-up, say); Airlock adds nothing to it.
        ToolRun unguarded = GuardedJvm.of(classpath, "dev.airlock.hosts.LegacyS3Tool")
                .environment(backend.environment())
                .arguments(List.of(backend.s3().toString(), BUCKET + "-absent"))
                .start().await(Duration.ofSeconds(90));
        assertThat(run.stderr()).as("what Airlock adds to the host's standard error")
                .containsExactlyElementsOf(unguarded.stderr());
        try (S3Client s3 = backend.s3Client()) {
            assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET)).keyCount()).isEqualTo(3);
        }

        List<LoggedRequest> calls = sts.findAll(postRequestedFor(urlEqualTo("/")));
        assertThat(calls).hasSize(1);
        LoggedRequest call = calls.get(0);
        assertThat(call.getBodyAsString()).contains("Action=GetCallerIdentity", "Version=2011-06-15");
        assertThat(call.getHeader("Authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=" + backend.accessKey() + "/")
                .contains("/us-east-1/sts/aws4_request");
        // Airlock's own SDK signed it: the egress carries 2.57.8, whatever the host has.
        assertThat(call.getHeader("User-Agent")).contains("aws-sdk-java/2.57.8");

        AuditTrail audit = AuditTrail.read(settings.auditFile());
        assertThat(audit.entries()).extracting(AuditTrail.Entry::operation)
                .containsExactlyInAnyOrder("ListBuckets", "DeleteBucket");
        AuditTrail.Entry held = audit.find("DeleteBucket", "HOLD").orElseThrow();
        assertThat(held.mentions(ARN)).as(held.json().toString()).isTrue();
    }
}
