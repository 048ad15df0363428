package dev.airlock.bridge;

import java.util.List;
import java.util.Map;

/** A process decision as the process hook sees it. Plain fields, so that it can cross class loaders. */
public final class ProcessAnswer {

    private static final ProcessAnswer PROCEED_UNCHANGED = new ProcessAnswer(CallAnswer.PROCEED, null, Map.of(), null);

    private final String outcome;
    private final String message;
    private final Map<String, String> environment;
    private final List<String> command;

    private ProcessAnswer(String outcome, String message, Map<String, String> environment, List<String> command) {
        this.outcome = outcome;
        this.message = message;
        this.environment = environment;
        this.command = command;
    }

    public static ProcessAnswer proceed() {
        return PROCEED_UNCHANGED;
    }

    /**
     * Start it with these variables set in its environment and, when {@code command} is not null, that command
     * instead of the one asked for.
     */
    public static ProcessAnswer proceedWith(Map<String, String> environment, List<String> command) {
        if (environment.isEmpty() && command == null) {
            return PROCEED_UNCHANGED;
        }
        return new ProcessAnswer(CallAnswer.PROCEED, null, Map.copyOf(environment),
                command == null ? null : List.copyOf(command));
    }

    /** Do not start it; {@code message} goes to the caller in an {@code IOException}. */
    public static ProcessAnswer stop(String outcome, String message) {
        if (CallAnswer.PROCEED.equals(outcome)) {
            throw new IllegalArgumentException("stop() needs DRY_RUN, HOLD or DENY");
        }
        return new ProcessAnswer(outcome, message, Map.of(), null);
    }

    public boolean proceeds() {
        return CallAnswer.PROCEED.equals(outcome);
    }

    public String outcome() {
        return outcome;
    }

    public String message() {
        return message;
    }

    /** Variables to set in the child's environment; empty to leave it as it is. */
    public Map<String, String> environment() {
        return environment;
    }

    /** The command to start instead, or null to keep it. */
    public List<String> command() {
        return command;
    }
}
