package dev.airlock.gate.internal;

import dev.airlock.gate.KillSwitch;

/** Two switches as one: open while either is; a trip or a reset goes to both. */
public final class EitherKillSwitch implements KillSwitch {

    private final KillSwitch first;
    private final KillSwitch second;

    public EitherKillSwitch(KillSwitch first, KillSwitch second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public String openReason() {
        String r = first.openReason();
        return r != null ? r : second.openReason();
    }

    @Override
    public void trip(String reason, String by) {
        try {
            first.trip(reason, by);
        } finally {
            second.trip(reason, by);
        }
    }

    @Override
    public void reset(String by) {
        try {
            second.reset(by);
        } finally {
            first.reset(by);
        }
    }

    @Override
    public void listen(Listener listener) {
        first.listen(listener);
        second.listen(listener);
    }

    @Override
    public void close() {
        try {
            first.close();
        } finally {
            second.close();
        }
    }
}
