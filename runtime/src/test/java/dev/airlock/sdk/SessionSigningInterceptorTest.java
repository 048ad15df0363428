package dev.airlock.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.airlock.bridge.CallAnswer;
import dev.airlock.bridge.CallGuard;
import dev.airlock.bridge.ProbeChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Library mode: the interceptor signs a call with the session the guard answered with, not the client's key. */
class SessionSigningInterceptorTest {

    private HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> tokens = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                tokens.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Security-Token")));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aDeleteGoesSignedWithTheSessionTheGuardAnswered() {
        CallGuard guard = new CallGuard() {
            @Override
            public int screen(String sdkService, String signingName, String operation) {
                return NEEDS_REQUEST;
            }

            @Override
            public CallAnswer decide(String origin, String sdkService, String signingName, String operation,
                                     String region, String endpoint, Map<String, Object> request,
                                     ProbeChannel probes) {
                return CallAnswer.proceedWith(Map.of("accessKeyId", "ASIASESSIONKEY", "secretAccessKey", "s",
                        "sessionToken", "the-session-token"));
            }
        };
        try (S3Client s3 = S3Client.builder().region(Region.US_EAST_1).forcePathStyle(true)
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIACLIENT", "c")))
                .overrideConfiguration(c -> c.addExecutionInterceptor(new AirlockExecutionInterceptor(guard)))
                .build()) {
            s3.deleteObject(b -> b.bucket("bucket").key("key"));
        }

        assertThat(authorizations).singleElement().asString().contains("Credential=ASIASESSIONKEY/")
                .doesNotContain("AKIACLIENT");
        assertThat(tokens).containsExactly("the-session-token");
    }
}
