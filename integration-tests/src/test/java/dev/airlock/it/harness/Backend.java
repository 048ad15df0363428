package dev.airlock.it.harness;

import java.net.URI;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * AWS-compatible endpoints for S3, DynamoDB and SQS, and the credentials they accept: the embedded servers,
 * or a LocalStack container.
 */
public record Backend(String name, URI s3, URI dynamoDb, URI sqs, String region, String accessKey,
                      String secretKey) {

    /** A plain S3 client, outside any guarded JVM: what the tests use to seed and count. */
    public S3Client s3Client() {
        return S3Client.builder().endpointOverride(s3).forcePathStyle(true).region(Region.of(region))
                .credentialsProvider(credentials()).build();
    }

    public DynamoDbClient dynamoDbClient() {
        return DynamoDbClient.builder().endpointOverride(dynamoDb).region(Region.of(region))
                .credentialsProvider(credentials()).build();
    }

    public SqsClient sqsClient() {
        return SqsClient.builder().endpointOverride(sqs).region(Region.of(region))
                .credentialsProvider(credentials()).build();
    }

    private StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
    }

    /** The tool's arguments that point it at this backend. */
    public List<String> toolArguments() {
        return List.of("--s3-endpoint=" + s3, "--dynamodb-endpoint=" + dynamoDb, "--sqs-endpoint=" + sqs,
                "--region=" + region);
    }

    /** The environment a child JVM gets so that the SDK's default credentials chain finds these credentials. */
    public Map<String, String> environment() {
        return Map.of("AWS_ACCESS_KEY_ID", accessKey, "AWS_SECRET_ACCESS_KEY", secretKey, "AWS_REGION", region,
                "AWS_EC2_METADATA_DISABLED", "true");
    }
}
