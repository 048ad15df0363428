package dev.airlock.gate;

import dev.airlock.call.Call;
import dev.airlock.call.Classification;
import dev.airlock.policy.PolicyDecision;

/**
 * The last gate: gives the call the credentials it runs with. With {@code credentials.mode: ambient} the
 * client keeps its own; with {@code broker}, each non-read call needs a per-action STS session, and a call
 * that cannot get one is held, never sent with the broader ambient credentials.
 */
public final class CredentialsGate implements Gate {

    private final boolean brokered;

    public CredentialsGate(boolean brokered) {
        this.brokered = brokered;
    }

    @Override
    public String name() {
        return "credentials";
    }

    @Override
    public Verdict check(Call call, PolicyDecision decision) {
        if (!brokered || call.classification() == Classification.READ) {
            return null;
        }
        return Verdict.hold(name(),
                "credentials.mode is broker, and no per-action session credentials could be issued for it",
                "set credentials.mode to ambient, or configure the credentials broker, then retry.",
                null, null);
    }
}
