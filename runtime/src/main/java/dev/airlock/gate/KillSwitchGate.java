package dev.airlock.gate;

import dev.airlock.call.Classification;
import dev.airlock.gate.internal.TripWires;
import java.time.Duration;

/**
 * While the kill switch is open every destructive call is denied; reads and writes go on. It also watches the
 * calls about to proceed, and trips the switch on delete-and-recreate and on a burst of destruction.
 */
public final class KillSwitchGate implements Gate {

    /** Who trips the switch when a trip wire does. */
    public static final String TRIPPED_BY = "airlock (automatic)";

    private final KillSwitch killSwitch;
    private final TripWires wires;

    /** A gate that only obeys the switch: nothing trips it but a human. */
    public KillSwitchGate(KillSwitch killSwitch) {
        this.killSwitch = killSwitch;
        this.wires = null;
    }

    /**
     * @param burstCalls more destructive calls than this within {@code burstWithin} trip the switch
     * @param recreateWithin a resource created again within this time of its deletion trips the switch
     */
    public KillSwitchGate(KillSwitch killSwitch, long burstCalls, Duration burstWithin, Duration recreateWithin) {
        this.killSwitch = killSwitch;
        this.wires = new TripWires(burstCalls, burstWithin, recreateWithin);
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
        return open == null ? null : denied(open);
    }

    /**
     * Sees a call that every gate let through, just before it proceeds.
     *
     * @return null to let it proceed; a denial when it is destructive and has just tripped the switch
     */
    public Verdict observe(CallContext context) {
        if (wires == null || context.call().classification() == Classification.READ) {
            return null;
        }
        String trip = wires.observe(context.call());
        if (trip == null) {
            return null;
        }
        try {
            killSwitch.trip(trip, TRIPPED_BY);
        } catch (RuntimeException e) {
            // The org-wide flag could not be written; this JVM's own switch is open all the same.
            System.err.println("[airlock] WARN: the kill switch tripped (" + trip + ") but could not tell every "
                    + "part of it: " + e.getMessage());
        }
        return context.call().classification() == Classification.DESTRUCTIVE ? denied(trip) : null;
    }

    private Verdict denied(String why) {
        return Verdict.deny(name(), "the kill switch is open: " + why,
                "no destructive call goes out until a human runs `airlock resume`. Stop and tell the human you "
                        + "work for; do not retry or try another way.");
    }
}
