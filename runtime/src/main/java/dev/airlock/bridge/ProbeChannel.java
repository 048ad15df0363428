package dev.airlock.bridge;

import java.util.Map;

/**
 * A read-only way to the very client a call is being decided for: a request sent through it goes with that
 * client's endpoint, region and credentials, through the host's own SDK in the SDK's class loader. Blast-radius
 * probes and safety snapshots use it; Airlock's other AWS calls (STS, its stores) never do.
 *
 * <p>Only {@code java.*} types cross it. Implemented once per SDK next to the hooks. The engine closes it once the
 * call is decided.
 */
public interface ProbeChannel extends AutoCloseable {

    /**
     * Sends one request of the calling client's service and returns the response's fields as plain Java values
     * (String, Number, Boolean, List, Map). Blocks the calling thread; the engine runs it on a thread of its own,
     * bounded in time, marked as Airlock's own ({@link OwnCalls}).
     *
     * @param operation the API operation, for example {@code ListObjectsV2}
     * @param request the request's fields by their SDK member names, for example {@code Bucket}
     * @throws Exception whatever the SDK throws, or {@link ClassNotFoundException} for an unknown operation
     */
    Map<String, Object> read(String operation, Map<String, Object> request) throws Exception;

    /** Releases what the channel built for its requests; never the host's own clients. */
    @Override
    void close();
}
