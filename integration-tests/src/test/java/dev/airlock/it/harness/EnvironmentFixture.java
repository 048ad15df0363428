package dev.airlock.it.harness;

import dev.airlock.sample.TableShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The environment the tool is asked to reset: a bucket with objects, a table with items and a queue with
 * messages. Seeds them and counts them with its own clients, from outside the guarded JVM.
 */
public final class EnvironmentFixture implements AutoCloseable {

    /** What exists, as counted through the servers. {@code missing} names resources that are gone. */
    public record Inventory(SortedSet<String> objectKeys, SortedSet<String> itemIds, long messages,
                            List<String> missing) {

        public String summary() {
            return objectKeys.size() + " objects, " + itemIds.size() + " items, " + messages + " messages"
                    + (missing.isEmpty() ? "" : "; gone: " + String.join(", ", missing));
        }
    }

    private final Backend backend;
    private final String bucket;
    private final String table;
    private final String queue;
    private final S3Client s3;
    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;

    private EnvironmentFixture(Backend backend, String bucket, String table, String queue) {
        this.backend = backend;
        this.bucket = bucket;
        this.table = table;
        this.queue = queue;
        this.s3 = backend.s3Client();
        this.dynamoDb = backend.dynamoDbClient();
        this.sqs = backend.sqsClient();
    }

    /** Names derived from {@code prefix}: {@code PREFIX-data}, {@code -orders}, {@code -jobs}. */
    public static EnvironmentFixture forPrefix(Backend backend, String prefix) {
        String p = prefix.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        return named(backend, p + "-data", p + "-orders", p + "-jobs");
    }

    public static EnvironmentFixture named(Backend backend, String bucket, String table, String queue) {
        return new EnvironmentFixture(backend, bucket, table, queue);
    }

    public Backend backend() {
        return backend;
    }

    public String bucket() {
        return bucket;
    }

    public String table() {
        return table;
    }

    public String queue() {
        return queue;
    }

    /** The tool's arguments: the backend's endpoints and these resources. */
    public List<String> toolArguments() {
        List<String> args = new ArrayList<>(backend.toolArguments());
        args.add("--bucket=" + bucket);
        args.add("--table=" + table);
        args.add("--queue=" + queue);
        return args;
    }

    /** Creates the three resources and fills them. Object keys are {@code reports/2026/part-NNNN.csv}. */
    public EnvironmentFixture seed(int objects, int items, int messages) {
        s3.createBucket(r -> r.bucket(bucket));
        putObjects(objects);
        dynamoDb.createTable(TableShape.createRequest(table));
        dynamoDb.waiter().waitUntilTableExists(r -> r.tableName(table));
        for (int i = 1; i <= items; i++) {
            var item = item(i);
            dynamoDb.putItem(r -> r.tableName(table).item(item));
        }
        String url = sqs.createQueue(r -> r.queueName(queue)).queueUrl();
        for (int n = 1; n <= messages; n++) {
            String body = "{\"job\":\"invoice-run\",\"n\":" + n + "}";
            sqs.sendMessage(r -> r.queueUrl(url).messageBody(body));
        }
        return this;
    }

    public static String objectKey(int i) {
        return String.format("reports/2026/part-%04d.csv", i);
    }

    private void putObjects(int objects) {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> puts = new ArrayList<>();
            for (int i = 1; i <= objects; i++) {
                String key = objectKey(i);
                String body = "id,amount\n" + i + "," + (i * 7 % 1000) + "\n";
                puts.add(pool.submit(() -> s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(body))));
            }
            for (Future<?> put : puts) {
                put.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("seeding bucket " + bucket + " failed: " + e, e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<String, AttributeValue> item(int i) {
        return Map.of(
                "id", AttributeValue.fromS(String.format("order-%03d", i)),
                "customer", AttributeValue.fromS("customer-" + (i % 5)),
                "total", AttributeValue.fromN(String.valueOf(10 * i)));
    }

    /** Counts everything through the servers. Never throws for a resource that is gone: it lists it as missing. */
    public Inventory inventory() {
        List<String> missing = new ArrayList<>();
        SortedSet<String> keys = new TreeSet<>();
        try {
            for (var page : s3.listObjectsV2Paginator(r -> r.bucket(bucket))) {
                page.contents().stream().map(S3Object::key).forEach(keys::add);
            }
        } catch (RuntimeException e) {
            missing.add("bucket " + bucket + " (" + e.getClass().getSimpleName() + ")");
        }
        SortedSet<String> ids = new TreeSet<>();
        try {
            for (var page : dynamoDb.scanPaginator(r -> r.tableName(table))) {
                page.items().forEach(item -> ids.add(item.get("id").s()));
            }
        } catch (RuntimeException e) {
            missing.add("table " + table + " (" + e.getClass().getSimpleName() + ")");
        }
        long messages = 0;
        try {
            String url = sqs.getQueueUrl(r -> r.queueName(queue)).queueUrl();
            Map<QueueAttributeName, String> a = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
            for (String count : a.values()) {
                messages += Long.parseLong(count);
            }
        } catch (RuntimeException e) {
            missing.add("queue " + queue + " (" + e.getClass().getSimpleName() + ")");
        }
        return new Inventory(keys, ids, messages, List.copyOf(missing));
    }

    @Override
    public void close() {
        s3.close();
        dynamoDb.close();
        sqs.close();
    }
}
