package dev.airlock.policy.internal;

import dev.airlock.call.Call;
import dev.airlock.call.Classification;
import dev.airlock.policy.PolicyContext;

/**
 * The condition keys a statement may test, and where each one's value comes from. A null value means the
 * call has none, which makes a condition false unless it is an {@code ...IfExists} form.
 */
enum ConditionKey {
    CLASSIFICATION("airlock:Classification", true),
    TOOL("airlock:Tool", true),
    ENVIRONMENT("airlock:Environment", true),
    ORIGIN("airlock:Origin", false),
    REQUESTED_REGION("aws:RequestedRegion", false),
    RESOURCE_ACCOUNT("aws:ResourceAccount", false),
    REQUEST_TAG("aws:RequestTag/", false),
    RESOURCE_TAG("aws:ResourceTag/", false);

    private final String name;
    private final boolean fixedPerAction;

    ConditionKey(String name, boolean fixedPerAction) {
        this.name = name;
        this.fixedPerAction = fixedPerAction;
    }

    /** The key as written in policies; for the tag keys, the prefix before the tag's key. */
    String keyName() {
        return name;
    }

    boolean isTag() {
        return this == REQUEST_TAG || this == RESOURCE_TAG;
    }

    /**
     * Whether the value is the same for every call of an action in this process (classification, tool and
     * environment), so a condition on it can be settled without the call.
     */
    boolean isFixedPerAction() {
        return fixedPerAction;
    }

    /** The key for a name as written in a policy (case-insensitive, as in IAM), or null. */
    static ConditionKey named(String written) {
        for (ConditionKey k : values()) {
            if (k.isTag() ? written.regionMatches(true, 0, k.name, 0, k.name.length())
                    : written.equalsIgnoreCase(k.name)) {
                return k;
            }
        }
        return null;
    }

    /** The call's value for this key; {@code tagKey} names the tag for the tag keys. */
    String valueIn(Call call, PolicyContext context, String tagKey) {
        return switch (this) {
            case CLASSIFICATION -> call.classification().name();
            case TOOL -> context == null ? null : context.tool();
            case ENVIRONMENT -> context == null ? null : context.environment();
            case ORIGIN -> call.origin();
            case REQUESTED_REGION -> call.region();
            case RESOURCE_ACCOUNT -> call.account();
            case REQUEST_TAG -> RequestTags.value(call.parameters(), tagKey);
            case RESOURCE_TAG -> ResourceTags.value(call, tagKey);
        };
    }

    /** The value of a key that {@link #isFixedPerAction() is fixed per action}. */
    String fixedValue(Classification classification, PolicyContext context) {
        return switch (this) {
            case CLASSIFICATION -> classification.name();
            case TOOL -> context == null ? null : context.tool();
            case ENVIRONMENT -> context == null ? null : context.environment();
            default -> throw new IllegalStateException(name + " depends on the call");
        };
    }
}
