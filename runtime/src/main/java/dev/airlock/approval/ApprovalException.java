package dev.airlock.approval;

/** An approval store that cannot be reached, or a vote it refuses; the message says which and why. */
public class ApprovalException extends Exception {

    private static final long serialVersionUID = 1L;

    public ApprovalException(String message) {
        super(message);
    }

    public ApprovalException(String message, Throwable cause) {
        super(message, cause);
    }
}
