package dev.airlock.sdk.v1;

import com.amazonaws.SdkClientException;

/**
 * Thrown instead of sending an AWS SDK for Java v1 call that Airlock refused outright: the policy says no, an
 * approver denied it, Airlock could not decide, or its configuration is broken. Nothing was sent to AWS.
 *
 * <p>A call that is only waiting (for approval, or a dry run) is an {@link AirlockHeldV1Exception} instead. Both
 * are v1 {@link SdkClientException}s and never retried.
 */
public final class AirlockDeniedV1Exception extends SdkClientException {

    private static final long serialVersionUID = 1L;

    private final String approvalId;

    public AirlockDeniedV1Exception(String message, String approvalId) {
        super(message);
        this.approvalId = approvalId;
    }

    /** Always {@code DENY}. */
    public String outcome() {
        return "DENY";
    }

    /** The approval request an approver denied ({@code apr-...}), or null when no human was asked. */
    public String approvalId() {
        return approvalId;
    }

    /** Never: retrying the same call gets the same answer. */
    @Override
    public boolean isRetryable() {
        return false;
    }
}
