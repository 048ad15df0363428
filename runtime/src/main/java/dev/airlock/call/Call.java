package dev.airlock.call;

import dev.airlock.bridge.ProbeChannel;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One AWS API call as Airlock sees it, whatever it came through (SDK v2 now; CLI, processes and SDK v1 later).
 * Immutable. Built by the engine from what the hook saw, the catalog and the request's fields.
 */
public final class Call {

    private final String origin;
    private final String service;
    private final String operation;
    private final List<String> actions;
    private final Classification classification;
    private final List<String> resources;
    private final String region;
    private final String account;
    private final String endpoint;
    private final Map<String, Object> parameters;
    private final Requester requester;
    private final ProbeChannel probes;
    private volatile String fingerprint;

    private Call(Builder b) {
        this.origin = Objects.requireNonNull(b.origin, "origin");
        this.service = Objects.requireNonNull(b.service, "service");
        this.operation = Objects.requireNonNull(b.operation, "operation");
        this.actions = List.copyOf(b.actions);
        this.classification = Objects.requireNonNull(b.classification, "classification");
        this.resources = List.copyOf(b.resources);
        this.region = b.region;
        this.account = b.account;
        this.endpoint = b.endpoint;
        this.parameters = b.parameters == null ? Map.of() : b.parameters;
        this.requester = Objects.requireNonNull(b.requester, "requester");
        this.probes = b.probes;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Where the call came from: {@code sdk}, later {@code sdk-v1}, {@code cli}, {@code process}. */
    public String origin() {
        return origin;
    }

    /** The IAM service prefix, for example {@code s3}. */
    public String service() {
        return service;
    }

    /** The API operation, for example {@code DeleteObjects}. */
    public String operation() {
        return operation;
    }

    /** The IAM actions the call needs, the first being the main one, for example {@code s3:DeleteObject}. */
    public List<String> actions() {
        return actions;
    }

    public String action() {
        return actions.get(0);
    }

    public Classification classification() {
        return classification;
    }

    /** The resource ARNs the call touches; {@code *} when they cannot be told from the request. */
    public List<String> resources() {
        return resources;
    }

    /** The region, or null when the client has none (global services). */
    public String region() {
        return region;
    }

    /** The account id, or null when it is not known. */
    public String account() {
        return account;
    }

    /** The endpoint the client sends to, or null for the default AWS endpoint. */
    public String endpoint() {
        return endpoint;
    }

    /** The request's fields as plain Java values (String, Number, Boolean, List, Map). */
    public Map<String, Object> parameters() {
        return parameters;
    }

    public Requester requester() {
        return requester;
    }

    /**
     * A read-only way to the client that makes this call, for blast-radius probes; null when the call did not
     * come through an SDK hook that offers one. Not part of what the call does: the fingerprint ignores it.
     */
    public ProbeChannel probes() {
        return probes;
    }

    /**
     * The canonical digest of what the call would do: service, operation, account, region, resources and the
     * normalised parameters. Two identical requests share it; anything that changes the effect changes it.
     */
    public String fingerprint() {
        String f = fingerprint;
        if (f == null) {
            f = Fingerprint.of(this);
            fingerprint = f;
        }
        return f;
    }

    @Override
    public String toString() {
        return action() + " " + resources + (region == null ? "" : " in " + region);
    }

    public static final class Builder {
        private String origin = "sdk";
        private String service;
        private String operation;
        private List<String> actions = List.of();
        private Classification classification;
        private List<String> resources = List.of("*");
        private String region;
        private String account;
        private String endpoint;
        private Map<String, Object> parameters;
        private Requester requester;
        private ProbeChannel probes;

        public Builder origin(String origin) {
            this.origin = origin;
            return this;
        }

        public Builder service(String service) {
            this.service = service;
            return this;
        }

        public Builder operation(String operation) {
            this.operation = operation;
            return this;
        }

        public Builder actions(List<String> actions) {
            this.actions = actions;
            return this;
        }

        public Builder classification(Classification classification) {
            this.classification = classification;
            return this;
        }

        public Builder resources(List<String> resources) {
            this.resources = resources.isEmpty() ? List.of("*") : resources;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder account(String account) {
            this.account = account;
            return this;
        }

        public Builder endpoint(String endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        public Builder parameters(Map<String, Object> parameters) {
            this.parameters = parameters;
            return this;
        }

        public Builder requester(Requester requester) {
            this.requester = requester;
            return this;
        }

        public Builder probes(ProbeChannel probes) {
            this.probes = probes;
            return this;
        }

        public Call build() {
            if (actions.isEmpty()) {
                actions = List.of(service + ":" + operation);
            }
            return new Call(this);
        }
    }
}
