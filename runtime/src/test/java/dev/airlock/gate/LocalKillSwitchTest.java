package dev.airlock.gate;

/** The switch of one JVM alone. */
class LocalKillSwitchTest extends KillSwitchContract {

    @Override
    protected KillSwitch newSwitch() {
        return KillSwitch.local();
    }

    @Override
    protected KillSwitch sharingWith(KillSwitch first) {
        return null;
    }
}
