package dev.airlock.process;

import java.util.List;
import java.util.Map;

/**
 * Whether a process may start, and how. A stopped process never starts: the caller gets an
 * {@link java.io.IOException} with {@link #message()}, the same truthful message an SDK call gets.
 */
public final class ProcessDecision {

    private static final ProcessDecision PROCEED = new ProcessDecision("PROCEED", null, List.of(), Map.of(), null);

    private final String outcome;
    private final String message;
    private final List<String> approvalIds;
    private final Map<String, String> environment;
    private final List<String> command;

    private ProcessDecision(String outcome, String message, List<String> approvalIds,
                            Map<String, String> environment, List<String> command) {
        this.outcome = outcome;
        this.message = message;
        this.approvalIds = List.copyOf(approvalIds);
        this.environment = Map.copyOf(environment);
        this.command = command == null ? null : List.copyOf(command);
    }

    public static ProcessDecision proceed() {
        return PROCEED;
    }

    /** Start it, with these environment variables set and, when not null, this command instead. */
    public static ProcessDecision proceedWith(Map<String, String> environment, List<String> command) {
        if (environment.isEmpty() && command == null) {
            return PROCEED;
        }
        return new ProcessDecision("PROCEED", null, List.of(), environment, command);
    }

    /** Do not start it. */
    public static ProcessDecision stop(String outcome, String message, List<String> approvalIds) {
        return new ProcessDecision(outcome, message, approvalIds, Map.of(), null);
    }

    public boolean proceeds() {
        return "PROCEED".equals(outcome);
    }

    /** {@code PROCEED}, {@code DRY_RUN}, {@code HOLD} or {@code DENY}, as for SDK calls. */
    public String outcome() {
        return outcome;
    }

    /** Why the process was stopped and what to do next; null when it proceeds. */
    public String message() {
        return message;
    }

    /** The approval requests a human can approve before the same command is tried again. */
    public List<String> approvalIds() {
        return approvalIds;
    }

    /** Variables to set in the child's environment (the agent for child JVMs, session credentials). */
    public Map<String, String> environment() {
        return environment;
    }

    /** The command to start instead of the one asked for ({@code -javaagent} added), or null to keep it. */
    public List<String> command() {
        return command;
    }

    @Override
    public String toString() {
        return outcome + (message == null ? "" : ": " + message);
    }
}
