package dev.airlock.sample;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The tool's calls through the SDK's synchronous clients. */
final class SyncInfrastructure implements Infrastructure {

    private final S3Client s3;
    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;

    SyncInfrastructure(ToolOptions options, ClientOverrideConfiguration overrides) {
        Region region = Region.of(options.region());
        var s3Builder = S3Client.builder().region(region).overrideConfiguration(overrides);
        if (options.s3Endpoint() != null) {
            s3Builder.endpointOverride(options.s3Endpoint()).forcePathStyle(true);
        }
        var dynamoBuilder = DynamoDbClient.builder().region(region).overrideConfiguration(overrides);
        if (options.dynamoDbEndpoint() != null) {
            dynamoBuilder.endpointOverride(options.dynamoDbEndpoint());
        }
        var sqsBuilder = SqsClient.builder().region(region).overrideConfiguration(overrides);
        if (options.sqsEndpoint() != null) {
            sqsBuilder.endpointOverride(options.sqsEndpoint());
        }
        this.s3 = s3Builder.build();
        this.dynamoDb = dynamoBuilder.build();
        this.sqs = sqsBuilder.build();
    }

    @Override
    public void warmUp() {
        s3.listBuckets();
    }

    @Override
    public List<String> listObjectKeys(String bucket) {
        List<String> keys = new ArrayList<>();
        for (var page : s3.listObjectsV2Paginator(r -> r.bucket(bucket))) {
            for (S3Object o : page.contents()) {
                keys.add(o.key());
            }
        }
        return keys;
    }

    @Override
    public List<String> scanItemIds(String table) {
        List<String> ids = new ArrayList<>();
        for (var page : dynamoDb.scanPaginator(ScanRequest.builder().tableName(table).build())) {
            for (var item : page.items()) {
                AttributeValue id = item.get("id");
                ids.add(id == null ? "?" : id.s());
            }
        }
        return ids;
    }

    @Override
    public String queueUrl(String queue) {
        return sqs.getQueueUrl(r -> r.queueName(queue)).queueUrl();
    }

    @Override
    public long queueDepth(String queueUrl) {
        var attributes = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Long.parseLong(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"))
                + Long.parseLong(attributes.getOrDefault(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"));
    }

    @Override
    public List<String> peekMessages(String queueUrl) {
        return sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).visibilityTimeout(0))
                .messages().stream().map(Message::body).toList();
    }

    @Override
    public int deleteObjects(String bucket, List<String> keys) {
        List<ObjectIdentifier> ids = keys.stream().map(k -> ObjectIdentifier.builder().key(k).build()).toList();
        return s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(ids))).deleted().size();
    }

    @Override
    public void deleteBucket(String bucket) {
        s3.deleteBucket(r -> r.bucket(bucket));
    }

    @Override
    public void deleteTable(String table) {
        dynamoDb.deleteTable(r -> r.tableName(table));
    }

    @Override
    public void purgeQueue(String queueUrl) {
        sqs.purgeQueue(r -> r.queueUrl(queueUrl));
    }

    @Override
    public void deleteQueue(String queueUrl) {
        sqs.deleteQueue(r -> r.queueUrl(queueUrl));
    }

    @Override
    public void createBucket(String bucket) {
        s3.createBucket(r -> r.bucket(bucket));
    }

    @Override
    public void createTable(String table) {
        dynamoDb.createTable(TableShape.createRequest(table));
    }

    @Override
    public String createQueue(String queue) {
        return sqs.createQueue(r -> r.queueName(queue)).queueUrl();
    }

    @Override
    public void close() {
        s3.close();
        dynamoDb.close();
        sqs.close();
    }
}
