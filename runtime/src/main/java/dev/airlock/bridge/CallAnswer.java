package dev.airlock.bridge;

import java.util.Map;

/** A decision as the SDK hooks see it. Plain fields so that it can cross class loaders on the bootstrap path. */
public final class CallAnswer {

    public static final String PROCEED = "PROCEED";
    public static final String DRY_RUN = "DRY_RUN";
    public static final String HOLD = "HOLD";
    public static final String DENY = "DENY";

    private static final CallAnswer PROCEED_UNCHANGED = new CallAnswer(PROCEED, null, null, null);

    private final String outcome;
    private final String message;
    private final String approvalId;
    private final Map<String, String> credentials;

    private CallAnswer(String outcome, String message, String approvalId, Map<String, String> credentials) {
        this.outcome = outcome;
        this.message = message;
        this.approvalId = approvalId;
        this.credentials = credentials;
    }

    public static CallAnswer proceed() {
        return PROCEED_UNCHANGED;
    }

    /**
     * Proceed, signed with these session credentials ({@code accessKeyId}, {@code secretAccessKey},
     * {@code sessionToken}, {@code expiration}).
     */
    public static CallAnswer proceedWith(Map<String, String> credentials) {
        return new CallAnswer(PROCEED, null, null, Map.copyOf(credentials));
    }

    /** The call must not be sent; {@code message} tells the caller what happened and what to do next. */
    public static CallAnswer stop(String outcome, String message, String approvalId) {
        if (PROCEED.equals(outcome)) {
            throw new IllegalArgumentException("stop() needs DRY_RUN, HOLD or DENY");
        }
        return new CallAnswer(outcome, message, approvalId, null);
    }

    public boolean proceeds() {
        return PROCEED.equals(outcome);
    }

    public String outcome() {
        return outcome;
    }

    public String message() {
        return message;
    }

    public String approvalId() {
        return approvalId;
    }

    /** Session credentials the call must be signed with, or null to keep the client's own. */
    public Map<String, String> credentials() {
        return credentials;
    }
}
