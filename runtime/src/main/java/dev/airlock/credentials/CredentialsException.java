package dev.airlock.credentials;

/** A session that was needed and could not be issued; the message carries the cause (an STS error, a timeout). */
public class CredentialsException extends Exception {

    private static final long serialVersionUID = 1L;

    public CredentialsException(String message) {
        super(message);
    }

    public CredentialsException(String message, Throwable cause) {
        super(message, cause);
    }
}
