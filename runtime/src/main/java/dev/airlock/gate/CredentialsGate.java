package dev.airlock.gate;

import dev.airlock.call.Classification;
import dev.airlock.credentials.CredentialsException;
import dev.airlock.credentials.CredentialsIssuer;
import dev.airlock.credentials.SessionCredentials;

/**
 * The last gate: gives the call the credentials it runs with. With {@code credentials.mode: ambient} the
 * client keeps its own; with {@code broker}, each call that changes state needs a per-action session from the
 * issuer, and a call that cannot get one is refused, never sent with the broader ambient credentials. SDK v2
 * reads share the read-only session; when it cannot be had they proceed with the client's own
 * ({@code credentials.read-on-error: ambient}, said in the audit) or are refused ({@code deny}).
 */
public final class CredentialsGate implements Gate {

    /** The hook that can sign a call with a session; the others' reads rest on the read-only floor. */
    private static final String SIGNING_ORIGIN = "sdk";

    private final boolean brokered;
    private final CredentialsIssuer issuer;
    private final boolean readsFallBack;

    public CredentialsGate(boolean brokered, CredentialsIssuer issuer) {
        this(brokered, issuer, true);
    }

    public CredentialsGate(boolean brokered, CredentialsIssuer issuer, boolean readsFallBackToAmbient) {
        this.brokered = brokered;
        this.issuer = issuer;
        this.readsFallBack = readsFallBackToAmbient;
    }

    @Override
    public String name() {
        return "credentials";
    }

    @Override
    public Verdict check(CallContext context) {
        if (!brokered) {
            return null;
        }
        if (context.call().classification() == Classification.READ) {
            return read(context);
        }
        if (!issuer.issues()) {
            return Verdict.deny(name(), "credentials.mode is broker, and no credentials broker is configured",
                    "ask the human you work for to configure the credentials broker; do not retry until then.");
        }
        try {
            SessionCredentials session = issuer.issue(context.call(), context.approvalId());
            if (session == null) {
                return Verdict.deny(name(), "the credentials broker issued no session for it",
                        "ask the human you work for to check the broker's configuration; do not retry until then.");
            }
            return Verdict.proceedWith(session.asMap(), name(), note(session));
        } catch (CredentialsException | RuntimeException e) {
            return Verdict.deny(name(), "no per-action session could be issued (" + e.getMessage() + "), and "
                    + "calls that change state never fall back to broader credentials",
                    "report this error to the human you work for; do not retry until it is fixed.");
        }
    }

    private Verdict read(CallContext context) {
        if (!SIGNING_ORIGIN.equals(context.call().origin()) || !issuer.issues()) {
            return null;
        }
        try {
            SessionCredentials session = issuer.readSession();
            return session == null ? null : Verdict.proceedWith(session.asMap(), name(), "read-only session");
        } catch (CredentialsException | RuntimeException e) {
            if (readsFallBack) {
                return Verdict.proceedNoting(name(), "the read-only session could not be had (" + e.getMessage()
                        + "); the read proceeded with the client's own credentials (credentials.read-on-error: "
                        + "ambient)");
            }
            return Verdict.deny(name(), "the read-only session could not be had (" + e.getMessage() + "), and "
                    + "credentials.read-on-error is deny", "report this error to the human you work for.");
        }
    }

    private static String note(SessionCredentials session) {
        String policy = session.sessionPolicy();
        StringBuilder n = new StringBuilder("per-action session");
        if (policy != null) {
            n.append(", policy ").append(policy);
        }
        if (!session.notes().isEmpty()) {
            n.append("; ").append(String.join("; ", session.notes()));
        }
        return n.toString();
    }
}
