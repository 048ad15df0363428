package dev.airlock.bridge;

import java.util.Map;

/**
 * What the SDK hooks ask before a call leaves the JVM: the engine, or what stands in for it when it could not
 * start. Hooks ask it through {@link AskGuard}, never directly.
 *
 * <p>Only {@code java.*} and bridge types cross this interface: in agent mode it is loaded by the bootstrap
 * class loader and seen both by the SDK (in whatever loader the application put it) and by the engine (in the
 * agent's own isolated loader).
 */
public interface CallGuard {

    /** {@link #screen} answer: the call may go as it is; its decision is already audited. */
    int PROCEED = 0;
    /** {@link #screen} answer: the guard needs the request's fields; call {@link #decide}. */
    int NEEDS_REQUEST = 1;

    /**
     * The fast path, taken by every call. Reads normally end here: no allocation beyond the audit record, no lock.
     *
     * @param sdkService the SDK's service name (for example {@code S3}, {@code DynamoDb})
     * @param signingName the SigV4 signing name, usually the IAM service prefix; may be null
     * @param operation the API operation (for example {@code DeleteBucket})
     */
    int screen(String sdkService, String signingName, String operation);

    /**
     * The full decision for a call {@link #screen} could not settle.
     *
     * @param request the request's fields as plain Java values: String, Number, Boolean, List, Map
     * @param probes a read-only way to the calling client, for blast-radius probes; null when the hook has none
     * @return the answer; never null
     */
    CallAnswer decide(String origin, String sdkService, String signingName, String operation,
                      String region, String endpoint, Map<String, Object> request, ProbeChannel probes);
}
