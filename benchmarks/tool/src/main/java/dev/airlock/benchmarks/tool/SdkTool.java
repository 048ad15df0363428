package dev.airlock.benchmarks.tool;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A program shaped like a tool that uses AWS: it builds an S3 and a DynamoDB client the usual way (default HTTP
 * client, static credentials), makes one read with each against the endpoint it is given, closes them and exits.
 */
public final class SdkTool {

    private SdkTool() {
    }

    public static void main(String[] args) {
        URI endpoint = URI.create(args[0]);
        StaticCredentialsProvider credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "bench-secret"));
        try (S3Client s3 = S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials).forcePathStyle(true).build();
             DynamoDbClient dynamoDb = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                     .credentialsProvider(credentials).build()) {
            s3.headObject(b -> b.bucket("reports").key("2026/11/summary.txt"));
            dynamoDb.getItem(b -> b.tableName("users").key(Map.of("id", AttributeValue.builder().s("user-1").build())));
        }
        System.out.println("OK");
    }
}
