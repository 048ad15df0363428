package dev.airlock.it.harness;

import com.adobe.testing.s3mock.S3MockApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * S3Mock, DynamoDB Local (as a real server on a port, so calls go through the SDK's HTTP pipeline) and
 * ElasticMQ, started once per JVM on free ports. They keep everything in memory (S3Mock in a temporary directory
 * it removes itself) and end with the JVM. Tests share them and keep apart by resource name.
 */
public final class LocalServers {

    private static final String HOST = "127.0.0.1";
    private static Backend shared;

    private LocalServers() {
    }

    /** The servers of this JVM, started on first use. */
    public static synchronized Backend shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    private static Backend start() {
        try {
            S3MockApplication s3 = startS3Mock();
            int dynamoPort = freePort();
            startDynamoDbLocal(dynamoPort);
            int sqsPort = freePort();
            startElasticMq(sqsPort);
            // DynamoDB Local runs with -sharedDb, so any credentials see the same tables; it accepts only
            // letters and digits in an access key id.
            return new Backend("local servers",
                    URI.create("http://" + HOST + ":" + s3.getHttpPort()),
                    URI.create("http://" + HOST + ":" + dynamoPort),
                    URI.create("http://" + HOST + ":" + sqsPort),
                    "us-east-1", "airlocktest", "airlocktestsecret");
        } catch (Exception e) {
            throw new IllegalStateException("could not start the local AWS-compatible servers: " + e, e);
        }
    }

    private static S3MockApplication startS3Mock() throws IOException {
        Path root = Files.createTempDirectory("airlock-s3mock");
        Map<String, Object> properties = new HashMap<>(); // S3Mock modifies the map it is given
        properties.put(S3MockApplication.PROP_HTTP_PORT, S3MockApplication.RANDOM_PORT);
        properties.put(S3MockApplication.PROP_HTTPS_PORT, S3MockApplication.RANDOM_PORT);
        properties.put(S3MockApplication.PROP_ROOT_DIRECTORY, root.toString());
        properties.put(S3MockApplication.PROP_SILENT, true);
        properties.put("spring.main.banner-mode", "off");
        properties.put("server.address", HOST);
        return S3MockApplication.start(properties);
    }

    private static DynamoDBProxyServer startDynamoDbLocal(int port) throws Exception {
        if (System.getProperty("sqlite4java.library.path") == null) {
            System.setProperty("sqlite4java.library.path", BuildPaths.nativeLibraries().toString());
        }
        DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(new String[] {
                "-inMemory", "-sharedDb", "-disableTelemetry", "-port", String.valueOf(port)});
        server.start();
        return server;
    }

    private static SQSRestServer startElasticMq(int port) {
        SQSRestServer server = SQSRestServerBuilder.withInterface(HOST).withPort(port)
                .withServerAddress(new NodeAddress("http", HOST, port, ""))
                .withAWSRegion("us-east-1")
                .start();
        server.waitUntilStarted();
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
