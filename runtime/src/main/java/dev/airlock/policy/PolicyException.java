package dev.airlock.policy;

/** A policy that cannot be used. The message names the source, the line and the fault. */
public final class PolicyException extends Exception {

    private final String source;
    private final int line;

    public PolicyException(String source, int line, String fault) {
        super(source + (line > 0 ? ":" + line : "") + ": " + fault);
        this.source = source;
        this.line = line;
    }

    public String source() {
        return source;
    }

    /** 1-based line of the fault, or 0 when it is not tied to a line. */
    public int line() {
        return line;
    }
}
