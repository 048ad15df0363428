package dev.airlock.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The machine's switch: its flag file in the state directory, shared by every JVM there. */
class MachineKillSwitchTest extends KillSwitchContract {

    @TempDir
    Path stateDir;

    private final Map<KillSwitch, Path> dirs = new IdentityHashMap<>();

    @Override
    protected KillSwitch newSwitch() {
        KillSwitch s = KillSwitch.onMachine(stateDir);
        dirs.put(s, stateDir);
        return s;
    }

    @Override
    protected KillSwitch sharingWith(KillSwitch first) {
        return KillSwitch.onMachine(dirs.get(first));
    }

    @Test
    void aTripRaisesTheFlagFileAndAResetRemovesIt() {
        KillSwitch s = open(newSwitch());
        s.trip("burst", "airlock (automatic)");
        assertThat(KillSwitch.flagFile(stateDir)).exists();
        s.reset("alice");
        assertThat(KillSwitch.flagFile(stateDir)).doesNotExist();
    }

    @Test
    void aFlagWrittenByHandOpensItAndItsRemovalClosesIt() throws Exception {
        KillSwitch s = open(newSwitch());
        Files.writeString(KillSwitch.flagFile(stateDir), "reason=maintenance\nby=ops\n");
        long deadline = System.currentTimeMillis() + 10_000;
        while (s.openReason() == null && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(s.openReason()).contains("maintenance", "ops");
        Files.delete(KillSwitch.flagFile(stateDir));
        while (s.openReason() != null && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(s.openReason()).isNull();
    }
}
