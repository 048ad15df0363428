package dev.airlock.engine;

import dev.airlock.bridge.AirlockBridge;
import dev.airlock.bridge.CallGate;

/**
 * Where the Java agent hands over to the runtime, by reflection, from the agent's isolated class loader. Starts
 * the engine and installs it on the bridge. Never throws: a broken configuration installs a gate that lets
 * reads through and fails every other call closed, with the configuration error in its message.
 */
public final class AgentEntry {

    private AgentEntry() {
    }

    /**
     * @param agentArgs the text after {@code =} in {@code -javaagent:airlock-agent.jar=...}, or null
     * @return true when Airlock guards this JVM; false when it is disabled ({@code airlock.enabled=false})
     */
    public static boolean start(String agentArgs) {
        CallGate gate = GateStartup.fromConfig(agentArgs);
        if (gate == null) {
            return false;
        }
        AirlockBridge.installAgentGate(gate);
        return true;
    }
}
