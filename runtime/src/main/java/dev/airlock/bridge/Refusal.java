package dev.airlock.bridge;

/**
 * The one shape of every message Airlock gives when it does not let a call or a process through:
 * {@code Airlock <held|denied|dry run> <what>: it was NOT sent. Why: ... Next: ...}. The message is what the AI
 * tool reads, so it always says what happened, why, and what to do next; it never invites working around the
 * guard.
 *
 * <p>On the bridge, so that the hooks in any class loader and the engine build it the same way.
 */
public final class Refusal {

    /** The next step when Airlock itself failed. */
    public static final String REPORT_ERROR = "report this error to the human you work for; do not retry.";

    private Refusal() {
    }

    /** A denial for a call Airlock could not decide or read: the common case of the hooks and the fail-closed guard. */
    public static String denied(String what, String why, String next) {
        return text(CallAnswer.DENY, what, null, why, null, null, next);
    }

    /** A process that is not started: {@code Airlock denied starting <what>: the process was NOT started...}. */
    public static String processDenied(String what, String why, String next) {
        StringBuilder m = new StringBuilder(256).append("Airlock denied starting ").append(what)
                .append(": the process was NOT started.");
        if (why != null) {
            m.append(" Why: ").append(why).append('.');
        }
        if (next != null) {
            m.append(" Next: ").append(next);
        }
        return m.toString();
    }

    /**
     * @param outcome {@link CallAnswer#HOLD}, {@link CallAnswer#DENY} or {@link CallAnswer#DRY_RUN}
     * @param what the action or command, for example {@code s3:DeleteBucket}
     * @param detail what it acts on, in parentheses after "NOT sent", or null
     * @param why the reason, or null
     * @param plan the plan's summary, or null
     * @param approvalId the approval request's id, or null
     * @param next what to do next, or null
     */
    public static String text(String outcome, String what, String detail, String why, String plan,
                              String approvalId, String next) {
        StringBuilder m = new StringBuilder(256);
        m.append(switch (outcome) {
            case CallAnswer.DRY_RUN -> "Airlock dry run: ";
            case CallAnswer.HOLD -> "Airlock held ";
            case CallAnswer.DENY -> "Airlock denied ";
            default -> "Airlock let ";
        }).append(what);
        m.append(CallAnswer.PROCEED.equals(outcome) ? " proceed" : CallAnswer.DRY_RUN.equals(outcome)
                ? " was NOT sent" : ": it was NOT sent");
        if (detail != null) {
            m.append(" (").append(detail).append(')');
        }
        m.append('.');
        if (why != null) {
            m.append(" Why: ").append(why).append('.');
        }
        if (plan != null) {
            m.append(" Plan: ").append(plan).append('.');
        }
        if (approvalId != null) {
            m.append(" Approval id: ").append(approvalId).append('.');
        }
        if (next != null) {
            m.append(" Next: ").append(next);
        }
        return m.toString();
    }
}
