package dev.airlock.gate;

import dev.airlock.call.Classification;
import dev.airlock.credentials.CredentialsException;
import dev.airlock.credentials.CredentialsIssuer;
import dev.airlock.credentials.SessionCredentials;

/**
 * The last gate: gives the call the credentials it runs with. With {@code credentials.mode: ambient} the
 * client keeps its own; with {@code broker}, each non-read call needs a per-action session from the issuer, and
 * a call that cannot get one is refused, never sent with the broader ambient credentials.
 */
public final class CredentialsGate implements Gate {

    private final boolean brokered;
    private final CredentialsIssuer issuer;

    public CredentialsGate(boolean brokered, CredentialsIssuer issuer) {
        this.brokered = brokered;
        this.issuer = issuer;
    }

    @Override
    public String name() {
        return "credentials";
    }

    @Override
    public Verdict check(CallContext context) {
        if (!brokered || context.call().classification() == Classification.READ) {
            return null;
        }
        if (!issuer.issues()) {
            return Verdict.deny(name(), "credentials.mode is broker, and no credentials broker is configured",
                    "ask the human you work for to configure the credentials broker; do not retry until then.");
        }
        try {
            SessionCredentials session = issuer.issue(context.call());
            if (session == null) {
                return Verdict.deny(name(), "the credentials broker issued no session for it",
                        "ask the human you work for to check the broker's configuration; do not retry until then.");
            }
            return Verdict.proceedWith(session.asMap(), name());
        } catch (CredentialsException | RuntimeException e) {
            return Verdict.deny(name(), "no per-action session could be issued (" + e.getMessage() + "), and "
                    + "calls that change state never fall back to broader credentials",
                    "report this error to the human you work for; do not retry until it is fixed.");
        }
    }
}
