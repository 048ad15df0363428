package dev.airlock.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkClientConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteBucketRequest;

/**
 * A probe goes where the calling client goes: its endpoint, path-style addressing and credentials, whether the
 * caller is synchronous or asynchronous, and the answer comes back as plain values.
 */
class HostProbeChannelTest {

    private static final String LISTING = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>reports</Name>"
            + "<KeyCount>3</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>"
            + "<Contents><Key>a.csv</Key><Size>10</Size></Contents>"
            + "<Contents><Key>b.csv</Key><Size>20</Size></Contents>"
            + "<Contents><Key>c.csv</Key><Size>30</Size></Contents></ListBucketResult>";

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void startStand() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stopStand() {
        server.stop(0);
    }

    @Test
    void readsThroughTheSynchronousCallersOwnConfiguration() throws Exception {
        try (S3Client caller = S3Client.builder().endpointOverride(endpoint()).region(Region.EU_WEST_1)
                .forcePathStyle(true).credentialsProvider(credentials("AKIDCALLER")).build();
             HostProbeChannel probes = new HostProbeChannel(configOf(caller), DeleteBucketRequest.class)) {

            Map<String, Object> listing = probes.read("ListObjectsV2", Map.of("Bucket", "reports", "MaxKeys", 1000));

            assertThat(listing).containsEntry("KeyCount", 3);
            assertThat((List<?>) listing.get("Contents")).hasSize(3);
        }
        assertThat(seen).singleElement().satisfies(request -> assertThat(request)
                .startsWith("GET /reports?list-type=2").contains("max-keys=1000")
                .contains("Credential=AKIDCALLER/", "/eu-west-1/s3/"));
    }

    @Test
    void anAsynchronousCallerGetsASynchronousProbeOfTheSameShape() throws Exception {
        try (S3AsyncClient caller = S3AsyncClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .forcePathStyle(true).credentialsProvider(credentials("AKIDASYNC")).build();
             HostProbeChannel probes = new HostProbeChannel(configOf(caller), DeleteBucketRequest.class)) {

            assertThat(probes.read("ListObjectsV2", Map.of("Bucket", "reports"))).containsEntry("KeyCount", 3);
        }
        assertThat(seen).singleElement().satisfies(r -> assertThat(r).contains("Credential=AKIDASYNC/"));
    }

    @Test
    void anOperationTheServiceDoesNotHaveIsRefusedBeforeAnythingIsSent() throws Exception {
        try (S3Client caller = S3Client.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .forcePathStyle(true).credentialsProvider(credentials("AKIDCALLER")).build();
             HostProbeChannel probes = new HostProbeChannel(configOf(caller), DeleteBucketRequest.class)) {
            assertThatThrownBy(() -> probes.read("DescribeTable", Map.of("TableName", "t")))
                    .isInstanceOf(ClassNotFoundException.class);
        }
        assertThat(seen).isEmpty();
    }

    /** What the agent's hook receives: the client's own configuration. */
    private static SdkClientConfiguration configOf(Object client) throws ReflectiveOperationException {
        for (Class<?> c = client.getClass(); c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getType() == SdkClientConfiguration.class) {
                    f.setAccessible(true);
                    return (SdkClientConfiguration) f.get(client);
                }
            }
        }
        throw new AssertionError("no client configuration in " + client.getClass());
    }

    private static StaticCredentialsProvider credentials(String keyId) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, "secret"));
    }

    private URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            seen.add(exchange.getRequestMethod() + " " + uri.getPath() + "?" + uri.getRawQuery() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = LISTING.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
