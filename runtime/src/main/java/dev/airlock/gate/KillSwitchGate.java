package dev.airlock.gate;

import dev.airlock.call.Classification;

/** While the kill switch is open every destructive call is denied; reads and writes go on. */
public final class KillSwitchGate implements Gate {

    private final KillSwitch killSwitch;

    public KillSwitchGate(KillSwitch killSwitch) {
        this.killSwitch = killSwitch;
    }

    @Override
    public String name() {
        return "kill-switch";
    }

    @Override
    public Verdict check(CallContext context) {
        if (context.call().classification() != Classification.DESTRUCTIVE) {
            return null;
        }
        String open = killSwitch.openReason();
        if (open == null) {
            return null;
        }
        return Verdict.deny(name(), "the kill switch is open: " + open,
                "no destructive call goes out until a human runs `airlock resume`. Stop and tell the human you "
                        + "work for; do not retry or try another way.");
    }

    /** Tells the switch about a destructive call that is about to proceed. */
    public void observe(CallContext context) {
        if (context.call().classification() == Classification.DESTRUCTIVE) {
            killSwitch.observe(context.call());
        }
    }
}
