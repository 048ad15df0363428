package dev.airlock.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The tool's calls through the SDK's asynchronous clients (Netty), each awaited with a time limit. */
final class AsyncInfrastructure implements Infrastructure {

    private static final long CALL_TIMEOUT_SECONDS = 60;

    private final S3AsyncClient s3;
    private final DynamoDbAsyncClient dynamoDb;
    private final SqsAsyncClient sqs;

    AsyncInfrastructure(ToolOptions options, ClientOverrideConfiguration overrides) {
        Region region = Region.of(options.region());
        var s3Builder = S3AsyncClient.builder().region(region).overrideConfiguration(overrides);
        if (options.s3Endpoint() != null) {
            s3Builder.endpointOverride(options.s3Endpoint()).forcePathStyle(true);
        }
        var dynamoBuilder = DynamoDbAsyncClient.builder().region(region).overrideConfiguration(overrides);
        if (options.dynamoDbEndpoint() != null) {
            dynamoBuilder.endpointOverride(options.dynamoDbEndpoint());
        }
        var sqsBuilder = SqsAsyncClient.builder().region(region).overrideConfiguration(overrides);
        if (options.sqsEndpoint() != null) {
            sqsBuilder.endpointOverride(options.sqsEndpoint());
        }
        this.s3 = s3Builder.build();
        this.dynamoDb = dynamoBuilder.build();
        this.sqs = sqsBuilder.build();
    }

    /** The future's value; its failure rethrown as the SDK's own exception, not wrapped. */
    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new IllegalStateException("no answer within " + CALL_TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void warmUp() {
        await(s3.listBuckets());
    }

    @Override
    public List<String> listObjectKeys(String bucket) {
        List<String> keys = new ArrayList<>();
        String token = null;
        do {
            String continuation = token;
            ListObjectsV2Response page = await(s3.listObjectsV2(r -> r.bucket(bucket).continuationToken(continuation)));
            for (S3Object o : page.contents()) {
                keys.add(o.key());
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return keys;
    }

    @Override
    public List<String> scanItemIds(String table) {
        List<String> ids = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = await(dynamoDb.scan(r -> r.tableName(table).exclusiveStartKey(from)));
            for (var item : page.items()) {
                AttributeValue id = item.get("id");
                ids.add(id == null ? "?" : id.s());
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return ids;
    }

    @Override
    public String queueUrl(String queue) {
        return await(sqs.getQueueUrl(r -> r.queueName(queue))).queueUrl();
    }

    @Override
    public long queueDepth(String queueUrl) {
        var attributes = await(sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))).attributes();
        return Long.parseLong(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"))
                + Long.parseLong(attributes.getOrDefault(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"));
    }

    @Override
    public List<String> peekMessages(String queueUrl) {
        return await(sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).visibilityTimeout(0)))
                .messages().stream().map(Message::body).toList();
    }

    @Override
    public int deleteObjects(String bucket, List<String> keys) {
        List<ObjectIdentifier> ids = keys.stream().map(k -> ObjectIdentifier.builder().key(k).build()).toList();
        return await(s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(ids)))).deleted().size();
    }

    @Override
    public void deleteBucket(String bucket) {
        await(s3.deleteBucket(r -> r.bucket(bucket)));
    }

    @Override
    public void deleteTable(String table) {
        await(dynamoDb.deleteTable(r -> r.tableName(table)));
    }

    @Override
    public void purgeQueue(String queueUrl) {
        await(sqs.purgeQueue(r -> r.queueUrl(queueUrl)));
    }

    @Override
    public void deleteQueue(String queueUrl) {
        await(sqs.deleteQueue(r -> r.queueUrl(queueUrl)));
    }

    @Override
    public void createBucket(String bucket) {
        await(s3.createBucket(r -> r.bucket(bucket)));
    }

    @Override
    public void createTable(String table) {
        await(dynamoDb.createTable(TableShape.createRequest(table)));
    }

    @Override
    public String createQueue(String queue) {
        return await(sqs.createQueue(r -> r.queueName(queue))).queueUrl();
    }

    @Override
    public void close() {
        s3.close();
        dynamoDb.close();
        sqs.close();
    }
}
