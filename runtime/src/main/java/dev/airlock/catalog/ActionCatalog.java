package dev.airlock.catalog;

import dev.airlock.call.Classification;
import java.util.List;
import java.util.Map;

/**
 * Every IAM action, compiled from the IAM service reference, with a classification of READ, WRITE or
 * DESTRUCTIVE; and the mapping from an SDK call (service, operation, request fields) to IAM actions, resource
 * ARNs and a classification. Never throws for an unknown service or operation: those are classified from
 * their verb.
 */
public interface ActionCatalog {

    /** The catalog shipped in the runtime jar. Loaded once; thread-safe. */
    static ActionCatalog builtIn() {
        return dev.airlock.catalog.internal.BuiltInCatalog.instance();
    }

    /**
     * The IAM service prefix for an SDK client, for example ({@code S3}, {@code s3}) → {@code s3},
     * ({@code CloudWatch}, {@code monitoring}) → {@code cloudwatch}.
     *
     * @param sdkService the SDK's service name ({@code SdkClientOption.SERVICE_NAME})
     * @param signingName the SigV4 signing name, may be null
     */
    String servicePrefix(String sdkService, String signingName);

    /** The operation's IAM actions and static classification. Never null. */
    Operation operation(String servicePrefix, String operationName);

    /** An IAM action such as {@code s3:DeleteBucket} (case-insensitive), or null when the catalog lacks it. */
    ActionInfo action(String iamAction);

    /**
     * The classification of one request: the operation's static one, raised by the request rules that look at
     * parameters (versioning suspended, protection switched off, retention shortened, desired count 0, ...).
     */
    /**
     * True when nothing knows what this operation does: the catalog has no such action and the name rules do
     * not know its verb ({@code foo:Nuke}). Such a call is held unless {@code unknown: allow}.
     */
    default boolean unknownAltogether(Operation operation) {
        return false;
    }

    /**
     * The request members a WRITE operation's request rules read: its classification depends on them (empty when
     * none does). For {@code airlock explain} without a request, which then assumes the worst.
     */
    default java.util.List<String> dependsOn(Operation operation) {
        return java.util.List.of();
    }

    /**
     * Set (to true) in a request whose structure the hook could not read in full (nesting too deep): the call
     * is then decided as if the unread part were destructive.
     */
    String STRUCTURE_CUT = "(airlock:structure-cut)";

    Classification classify(Operation operation, Map<String, Object> request);

    /**
     * The ARNs the request touches, from its fields and the catalog's ARN templates. {@code ["*"]} when they
     * cannot be told. Unknown {@code region} or {@code account} leave that ARN segment as {@code *}.
     */
    List<String> resources(Operation operation, Map<String, Object> request, String region, String account);

    /** How many IAM actions the catalog knows. */
    int size();
}
