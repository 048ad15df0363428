package dev.airlock.egress.sdk.credentials;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.airlock.credentials.CredentialsException;
import dev.airlock.credentials.RoleSessions;
import dev.airlock.credentials.SessionCredentials;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/** The broker's AssumeRole in STS's query protocol, against WireMock. */
class StsRoleSessionsTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/airlock-actions";
    private WireMockServer sts;
    private StsRoleSessions sessions;

    @BeforeEach
    void start() {
        sts = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        sts.start();
        sessions = new StsRoleSessions(StsClient.builder().region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:" + sts.port()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIABROKER", "s")))
                .build());
    }

    @AfterEach
    void stop() {
        sessions.close();
        sts.stop();
    }

    private static RoleSessions.Request request() {
        return new RoleSessions.Request(ROLE, "airlock.alice.s3-DeleteObject",
                "{\"Version\":\"2012-10-17\",\"Statement\":[]}", List.of(), 900, "alice",
                Map.of("airlock-tool", "tool"));
    }

    @Test
    void theSessionStsIssuesIsReturnedAndTheRequestCarriesEveryParameter() throws Exception {
        sts.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
                .withBody("<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>"
                        + "<Credentials><AccessKeyId>ASIAONE</AccessKeyId><SecretAccessKey>sec</SecretAccessKey>"
                        + "<SessionToken>tok</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration></Credentials>"
                        + "</AssumeRoleResult></AssumeRoleResponse>")));

        SessionCredentials s = sessions.assumeRole(request());

        assertThat(s.accessKeyId()).isEqualTo("ASIAONE");
        assertThat(s.sessionToken()).isEqualTo("tok");
        assertThat(s.expiration()).hasToString("2030-01-01T00:00:00Z");
        sts.verify(postRequestedFor(urlEqualTo("/"))
                .withRequestBody(containing("Action=AssumeRole"))
                .withRequestBody(containing("RoleSessionName=airlock.alice.s3-DeleteObject"))
                .withRequestBody(containing("SourceIdentity=alice"))
                .withRequestBody(containing("DurationSeconds=900"))
                .withRequestBody(containing("Tags.member.1.Key=airlock-tool"))
                .withHeader("Authorization", containing("Credential=AKIABROKER/")));
    }

    @Test
    void anStsErrorCarriesItsCodeAndMessageAndPackedPolicyTooLargeIsTold() {
        sts.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "text/xml")
                .withBody("<ErrorResponse><Error><Type>Sender</Type><Code>PackedPolicyTooLarge</Code>"
                        + "<Message>Packed policy consumes 112% of allotted space</Message></Error>"
                        + "<RequestId>r</RequestId></ErrorResponse>")));

        Throwable thrown = catchThrowable(() -> sessions.assumeRole(request()));

        assertThat(thrown).isInstanceOf(RoleSessions.PackedPolicyTooLarge.class)
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("PackedPolicyTooLarge").hasMessageContaining("112%");
    }
}
