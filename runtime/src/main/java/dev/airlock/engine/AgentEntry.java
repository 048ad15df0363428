package dev.airlock.engine;

import dev.airlock.bridge.AirlockBridge;
import dev.airlock.bridge.ProcessAnswer;
import dev.airlock.bridge.ProcessStartGuard;
import dev.airlock.catalog.ActionCatalog;
import dev.airlock.config.internal.InheritedSettings;
import dev.airlock.egress.Egress;
import dev.airlock.process.ProcessGuard;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Where the Java agent hands over to the runtime, by reflection, from the agent's isolated class loader. Starts
 * the engine and installs it on the bridge, for SDK calls and for the processes this JVM starts. Never throws: a
 * broken configuration installs guards that let reads through and fail every other call closed, with the
 * configuration error in their message.
 */
public final class AgentEntry {

    private AgentEntry() {
    }

    /**
     * @param agentArgs the text after {@code =} in {@code -javaagent:airlock-agent.jar=...}, or null
     * @return true when Airlock guards this JVM; false when it is disabled ({@code airlock.enabled=false})
     */
    public static boolean start(String agentArgs) {
        return start(agentArgs, null);
    }

    /** As {@link #start(String, String, Properties)}, with the system properties as they are now. */
    public static boolean start(String agentArgs, String agentJar) {
        return start(agentArgs, agentJar, (Properties) System.getProperties().clone());
    }

    /**
     * @param agentArgs the text after {@code =} in {@code -javaagent:airlock-agent.jar=...}, or null
     * @param agentJar the agent jar's path, passed on to child JVMs so that they are guarded too; null when
     *     unknown, and child JVMs are then left as they are
     * @param propertiesAtStart the system properties as they were before the host's {@code main}: Airlock's
     *     settings come from these, and later changes are ignored and audited
     * @return true when Airlock guards this JVM; false when it is disabled ({@code airlock.enabled=false})
     */
    public static boolean start(String agentArgs, String agentJar, Properties propertiesAtStart) {
        return start(agentArgs, agentJar, propertiesAtStart, Map.of());
    }

    /**
     * @param filesAtStart the config and policy files as the agent read them before the host's {@code main}, by
     *     absolute path: Airlock's settings are these, whatever the host writes to the files afterwards
     */
    public static boolean start(String agentArgs, String agentJar, Properties propertiesAtStart,
                                Map<String, byte[]> filesAtStart) {
        dev.airlock.config.FilesAtStart.remember(filesAtStart);
        if (agentJar != null) {
            Egress.fromAgentJar(Path.of(agentJar));
        }
        GuardStartup.Started started = GuardStartup.fromConfig(agentArgs, propertiesAtStart);
        if (started == null) {
            AirlockBridge.startDisabled();
            return false;
        }
        if (started.engine() != null) {
            started.engine().watchSettings(propertiesAtStart);
            if (!started.engine().config().unguardedFails()) {
                AirlockBridge.unguardedCallsPass();
            }
        }
        AirlockBridge.installCallGuard(started.guard());
        AirlockBridge.installProcessGuard(processGuard(started, agentJar));
        return true;
    }

    /** The engine's process guard; without an engine, one that lets reads through and refuses the rest. */
    private static ProcessStartGuard processGuard(GuardStartup.Started started, String agentJar) {
        Engine engine = started.engine();
        if (engine != null) {
            String inherited = InheritedSettings.argument(engine.settingsForChildren());
            return new WatchedProcessGuard(engine,
                    ProcessGuard.builder(engine).childAgent(agentJar, inherited).build());
        }
        return ProcessGuard.failingClosed(ActionCatalog.builtIn(), started.failClosed().problem(),
                started.failClosed().audit()).build();
    }

    /** Notices changed settings before each process start too: a child is where a changed setting would act. */
    private static final class WatchedProcessGuard implements ProcessStartGuard {
        private final Engine engine;
        private final ProcessStartGuard guard;

        WatchedProcessGuard(Engine engine, ProcessStartGuard guard) {
            this.engine = engine;
            this.guard = guard;
        }

        @Override
        public ProcessAnswer check(List<String> command, Map<String, String> environment, String directory) {
            engine.recordSettingChanges();
            return guard.check(command, environment, directory);
        }
    }
}
