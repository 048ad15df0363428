package dev.airlock.engine;

import dev.airlock.bridge.AirlockBridge;
import dev.airlock.catalog.ActionCatalog;
import dev.airlock.process.ProcessGuard;

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

    /**
     * @param agentArgs the text after {@code =} in {@code -javaagent:airlock-agent.jar=...}, or null
     * @param agentJar the agent jar's path, passed on to child JVMs so that they are guarded too; null when
     *     unknown, and child JVMs are then left as they are
     * @return true when Airlock guards this JVM; false when it is disabled ({@code airlock.enabled=false})
     */
    public static boolean start(String agentArgs, String agentJar) {
        GuardStartup.Started started = GuardStartup.fromConfig(agentArgs);
        if (started == null) {
            return false;
        }
        AirlockBridge.installCallGuard(started.guard());
        AirlockBridge.installProcessGuard(processGuard(started, agentJar, agentArgs));
        return true;
    }

    /** The engine's process guard; without an engine, one that lets reads through and refuses the rest. */
    private static ProcessGuard processGuard(GuardStartup.Started started, String agentJar, String agentArgs) {
        if (started.engine() != null) {
            return ProcessGuard.builder(started.engine()).childAgent(agentJar, agentArgs).build();
        }
        return ProcessGuard.failingClosed(ActionCatalog.builtIn(), started.failClosed().problem()).build();
    }
}
