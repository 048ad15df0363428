package dev.airlock.sample;

import java.util.List;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;

/** The AWS calls the tool makes, through sync or async clients. Every method blocks until the call is answered. */
public interface Infrastructure extends AutoCloseable {

    /** Clients for these options; {@code overrides} is applied to every client (the SDK's own type). */
    static Infrastructure connect(ToolOptions options, ClientOverrideConfiguration overrides) {
        return options.async()
                ? new AsyncInfrastructure(options, overrides)
                : new SyncInfrastructure(options, overrides);
    }

    /** One cheap call, so that the SDK's whole request path is loaded and used once. */
    void warmUp();

    List<String> listObjectKeys(String bucket);

    /** The partition keys ({@code id}) of every item. */
    List<String> scanItemIds(String table);

    String queueUrl(String queue);

    /** How many messages the queue holds, visible or in flight. */
    long queueDepth(String queueUrl);

    /** Receives up to 10 messages without hiding them from other consumers; returns their bodies. */
    List<String> peekMessages(String queueUrl);

    /** @return how many keys the service reports deleted */
    int deleteObjects(String bucket, List<String> keys);

    void deleteBucket(String bucket);

    void deleteTable(String table);

    void purgeQueue(String queueUrl);

    void deleteQueue(String queueUrl);

    void createBucket(String bucket);

    /** A table keyed by a string {@code id}, billed per request. */
    void createTable(String table);

    String createQueue(String queue);

    @Override
    void close();
}
