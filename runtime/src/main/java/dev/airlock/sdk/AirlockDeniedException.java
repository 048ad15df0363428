package dev.airlock.sdk;

import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Thrown instead of sending an AWS call that Airlock refused outright: the policy says no, an approver denied it,
 * Airlock could not decide (an internal error, a service that cannot be reached), or its configuration is broken.
 * Nothing was sent to AWS. Waiting will not change the answer; a human has to change something first.
 *
 * <p>A call that is only waiting, for a human's approval or as a dry run, is an {@link AirlockHeldException}
 * instead: the two are told apart by type. Both are {@link SdkClientException}s, so tools that already handle
 * SDK failures see them as such. The message says what was refused, why, and whom to ask.
 */
public final class AirlockDeniedException extends SdkClientException {

    private static final long serialVersionUID = 1L;

    private final String approvalId;

    public AirlockDeniedException(String message, String approvalId) {
        super(SdkClientException.builder().message(message));
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
    public boolean retryable() {
        return false;
    }
}
