package dev.airlock.sdk;

import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Thrown instead of sending an AWS call that Airlock is holding: waiting for a human's approval, or recorded as a
 * dry run. Nothing was sent to AWS. A call refused outright (the policy says no, Airlock could not decide, its
 * configuration is broken) is an {@link AirlockDeniedException} instead.
 *
 * <p>It is an {@link SdkClientException}, so tools that already handle SDK failures see it as one. The message
 * says what was held, why, and what to do next; it is meant to be shown as it is, to a human or to an AI tool.
 * Synchronous calls throw it; asynchronous calls return a future that fails with it.
 */
public final class AirlockHeldException extends SdkClientException {

    private static final long serialVersionUID = 1L;

    private final String outcome;
    private final String approvalId;

    public AirlockHeldException(String outcome, String message, String approvalId) {
        super(SdkClientException.builder().message(message));
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
    public boolean retryable() {
        return false;
    }
}
