package dev.airlock.benchmarks;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;

/**
 * The SDK clients every benchmark uses, built the way an application builds them (default HTTP client, static
 * credentials), pointed at the loopback responder.
 */
public final class SdkClients implements AutoCloseable {

    /** The system property that names the responder's endpoint in forked JVMs. */
    public static final String ENDPOINT_PROPERTY = "bench.endpoint";

    public static final HeadObjectRequest HEAD_OBJECT =
            HeadObjectRequest.builder().bucket("reports").key("2026/11/summary.txt").build();
    public static final GetItemRequest GET_ITEM = GetItemRequest.builder().tableName("users")
            .key(java.util.Map.of("id", AttributeValue.builder().s("user-1").build())).build();
    public static final DeleteObjectRequest DELETE_OBJECT =
            DeleteObjectRequest.builder().bucket("reports").key("2026/11/summary.txt").build();

    private final S3Client s3;
    private final DynamoDbClient dynamoDb;

    private SdkClients(URI endpoint, SdkHttpClient httpClient) {
        StaticCredentialsProvider credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "bench-secret"));
        S3ClientBuilder s3Builder = S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials).forcePathStyle(true);
        DynamoDbClientBuilder dynamoDbBuilder = DynamoDbClient.builder().endpointOverride(endpoint)
                .region(Region.US_EAST_1).credentialsProvider(credentials);
        if (httpClient != null) {
            s3Builder.httpClient(httpClient);
            dynamoDbBuilder.httpClient(httpClient);
        }
        this.s3 = s3Builder.build();
        this.dynamoDb = dynamoDbBuilder.build();
    }

    /** With the SDK's default HTTP client, against {@code endpoint}. */
    public static SdkClients at(String endpoint) {
        return new SdkClients(URI.create(endpoint), null);
    }

    /** With an HTTP client that answers in memory ({@link InMemoryHttpClient}). */
    public static SdkClients inMemory() {
        return new SdkClients(URI.create("http://127.0.0.1:9"), new InMemoryHttpClient());
    }

    /** At the endpoint the parent JVM passed down in {@value #ENDPOINT_PROPERTY}. */
    public static SdkClients fromSystemProperty() {
        String endpoint = System.getProperty(ENDPOINT_PROPERTY);
        if (endpoint == null) {
            throw new IllegalStateException("-D" + ENDPOINT_PROPERTY + " is not set; run benchmarks/run.sh");
        }
        return at(endpoint);
    }

    public S3Client s3() {
        return s3;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    /** A destructive call: the exception Airlock throws when it holds the call, or null when it was sent. */
    public SdkException deleteObject() {
        try {
            s3.deleteObject(DELETE_OBJECT);
            return null;
        } catch (SdkException e) {
            return e;
        }
    }

    @Override
    public void close() {
        s3.close();
        dynamoDb.close();
    }
}
