package dev.airlock.sdk.v1;

import com.amazonaws.SdkClientException;

/**
 * Thrown instead of sending an AWS SDK for Java v1 call that Airlock is holding: waiting for a human's approval,
 * or recorded as a dry run. Nothing was sent to AWS. A call refused outright is an
 * {@link AirlockDeniedV1Exception} instead.
 *
 * <p>It is a v1 {@link SdkClientException}, so tools that already handle v1 client failures see it as one, and
 * it is never retried. The message says what was held, why, and what to do next.
 */
public final class AirlockHeldV1Exception extends SdkClientException {

    private static final long serialVersionUID = 1L;

    private final String outcome;
    private final String approvalId;

    public AirlockHeldV1Exception(String outcome, String message, String approvalId) {
        super(message);
        this.outcome = outcome;
        this.approvalId = approvalId;
    }

    /** {@code HOLD} or {@code DRY_RUN}. */
    public String outcome() {
        return outcome;
    }

    /** The approval request a human can approve ({@code apr-...}), or null when there is none to approve. */
    public String approvalId() {
        return approvalId;
    }

    /** Never: retrying the same call gets the same answer until a human acts. */
    @Override
    public boolean isRetryable() {
        return false;
    }
}
