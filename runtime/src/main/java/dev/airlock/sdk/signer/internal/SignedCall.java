package dev.airlock.sdk.signer.internal;

import java.util.Map;

/**
 * A signed request read back as an API call: the service (its signing name, which is what the engine maps to an
 * IAM prefix), the operation and the request fields the engine reads ARNs and request rules from.
 */
final class SignedCall {

    /** The operation of a request that reads (GET, HEAD) but whose API shape is not known here. */
    static final String UNRECOGNIZED_READ = "ReadUnrecognizedRequest";
    /**
     * The operation of any other request whose API shape is not known here. Its verb is one no rule knows, so the
     * engine decides it as unknown: held, unless the configuration lets unknown calls through.
     */
    static final String UNRECOGNIZED = "UnrecognizedSignedRequest";

    final String service;
    final String operation;
    final Map<String, Object> fields;

    SignedCall(String service, String operation, Map<String, Object> fields) {
        this.service = service;
        this.operation = operation;
        this.fields = fields;
    }

    @Override
    public String toString() {
        return service + ":" + operation + " " + fields;
    }
}
