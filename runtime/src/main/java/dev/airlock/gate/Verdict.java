package dev.airlock.gate;

import dev.airlock.bridge.Refusal;
import dev.airlock.call.Call;
import dev.airlock.plan.Plan;
import java.util.Map;
import java.util.Objects;

/**
 * What happens to a call: it proceeds (perhaps with session credentials), is recorded as a dry run, is held
 * for a human, or is denied. Anything but PROCEED fails the call with a message that tells the tool the truth.
 */
public final class Verdict {

    public enum Outcome { PROCEED, DRY_RUN, HOLD, DENY }

    private static final Verdict PROCEED = new Verdict(Outcome.PROCEED, null, null, null, null, null, null);

    private final Outcome outcome;
    private final String decidedBy;
    private final String reason;
    private final String nextStep;
    private final String approvalId;
    private final Plan plan;
    private final Map<String, String> credentials;

    private Verdict(Outcome outcome, String decidedBy, String reason, String nextStep, String approvalId, Plan plan,
                    Map<String, String> credentials) {
        this.outcome = outcome;
        this.decidedBy = decidedBy;
        this.reason = reason;
        this.nextStep = nextStep;
        this.approvalId = approvalId;
        this.plan = plan;
        this.credentials = credentials;
    }

    public static Verdict proceed() {
        return PROCEED;
    }

    /** Proceed, signed with a per-action session ({@code accessKeyId}, {@code secretAccessKey}, {@code sessionToken}). */
    public static Verdict proceedWith(Map<String, String> sessionCredentials, String decidedBy) {
        return new Verdict(Outcome.PROCEED, decidedBy, null, null, null, null, Map.copyOf(sessionCredentials));
    }

    /** Proceed, signed with a per-action session; {@code note} tells the audit how that session was narrowed. */
    public static Verdict proceedWith(Map<String, String> sessionCredentials, String decidedBy, String note) {
        return new Verdict(Outcome.PROCEED, decidedBy, note, null, null, null, Map.copyOf(sessionCredentials));
    }

    /** Proceed with the client's own credentials; {@code note} tells the audit why. */
    public static Verdict proceedNoting(String decidedBy, String note) {
        return new Verdict(Outcome.PROCEED, decidedBy, note, null, null, null, null);
    }

    public static Verdict dryRun(String decidedBy, String reason, Plan plan) {
        return new Verdict(Outcome.DRY_RUN, decidedBy, reason,
                "Nothing was sent. Show this plan to the human you work for; only they decide whether it runs for real.",
                null, Objects.requireNonNull(plan), null);
    }

    public static Verdict hold(String decidedBy, String reason, String nextStep, String approvalId, Plan plan) {
        return new Verdict(Outcome.HOLD, decidedBy, reason, nextStep, approvalId, plan, null);
    }

    public static Verdict deny(String decidedBy, String reason, String nextStep) {
        return new Verdict(Outcome.DENY, decidedBy, reason, nextStep, null, null, null);
    }

    public Outcome outcome() {
        return outcome;
    }

    public boolean proceeds() {
        return outcome == Outcome.PROCEED;
    }

    /** The gate or policy statement that decided, or null for a plain PROCEED. */
    public String decidedBy() {
        return decidedBy;
    }

    public String reason() {
        return reason;
    }

    /** What a human (or the tool) can do next. */
    public String nextStep() {
        return nextStep;
    }

    /** The approval request id of a HOLD that a human can approve, or null. */
    public String approvalId() {
        return approvalId;
    }

    /** The blast radius, for DRY_RUN and HOLD; null otherwise. */
    public Plan plan() {
        return plan;
    }

    /** Session credentials to sign the call with, or null to keep the client's own. */
    public Map<String, String> credentials() {
        return credentials;
    }

    /** The message the tool receives in the exception that fails the call. */
    public String messageFor(Call call) {
        return Refusal.text(outcome.name(), call.action(), call.classification() + " call on "
                        + String.join(", ", preview(call)), reason, plan == null ? null : plan.summary(), approvalId,
                nextStep);
    }

    private static java.util.List<String> preview(Call call) {
        java.util.List<String> r = call.resources();
        if (r.size() <= 3) {
            return r;
        }
        return java.util.List.of(r.get(0), r.get(1), "and " + (r.size() - 2) + " more");
    }

    @Override
    public String toString() {
        return outcome + (reason == null ? "" : " (" + reason + ")");
    }
}
