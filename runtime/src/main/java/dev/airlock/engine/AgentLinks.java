package dev.airlock.engine;

import dev.airlock.egress.Egress;

/**
 * The names the Java agent reaches the runtime by: it cannot link against the runtime, which lives in another
 * class loader (or, for the bridge and the hooks, is defined by the agent itself), so it uses these, inlined at
 * compile time. Kept in one place so that an IDE can follow each one to what it names; a test checks that every
 * one still names a real class and method.
 */
public final class AgentLinks {

    /** Where the agent hands over to the runtime: {@code start(String agentArgs, String agentJar)}. */
    public static final String AGENT_ENTRY = "dev.airlock.engine.AgentEntry";
    public static final String AGENT_ENTRY_START = "start";

    /** The bridge, in the bootstrap loader: {@code startBegun()}, {@code startFinished()}. */
    public static final String BRIDGE = "dev.airlock.bridge.AirlockBridge";
    public static final String BRIDGE_START_BEGUN = "startBegun";
    public static final String BRIDGE_START_FINISHED = "startFinished";

    /** Called at the entry of {@code ProcessBuilder.start(Redirect[])}. */
    public static final String PROCESS_START_HOOK = "dev.airlock.bridge.ProcessStartHook";
    public static final String PROCESS_START_HOOK_METHOD = "beforeStart";

    /** Called at the entry of SDK v2's {@code invokeInterceptorsAndCreateExecutionContext}. */
    public static final String SDK_V2_HOOK = "dev.airlock.sdk.internal.AgentHook";
    public static final String SDK_V2_HOOK_METHOD = "beforeExecution";

    /** Called at the entry of SDK v1's {@code AmazonHttpClient.RequestExecutor.execute()}. */
    public static final String SDK_V1_HOOK = "dev.airlock.sdk.v1.internal.V1AgentHook";
    public static final String SDK_V1_HOOK_METHOD = "beforeExecute";

    /** The packages the agent takes from the runtime jar: the bridge for the bootstrap loader, the hooks. */
    public static final String BRIDGE_PACKAGE_PATH = "dev/airlock/bridge/";
    public static final String SDK_PACKAGE_PATH = "dev/airlock/sdk/";
    public static final String SDK_V1_PACKAGE_PATH = "dev/airlock/sdk/v1/";

    /** The jars nested in the agent jar. */
    public static final String NESTED_RUNTIME = "airlock/runtime.jar";
    public static final String NESTED_EGRESS = Egress.NESTED;

    private AgentLinks() {
    }
}
