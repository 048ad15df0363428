package dev.airlock.engine;

import dev.airlock.egress.Egress;

/**
 * The names the Java agent reaches the runtime by: it cannot link against the runtime, which lives in another
 * class loader (or, for the bridge and the hooks, is defined by the agent itself), so it uses these, inlined at
 * compile time. Kept in one place so that an IDE can follow each one to what it names; a test checks that every
 * one still names a real class and method.
 */
public final class AgentLinks {

    /**
     * Where the agent hands over to the runtime: {@code start(String agentArgs, String agentJar,
     * Properties propertiesAtStart, Map filesAtStart)}.
     */
    public static final String AGENT_ENTRY = "dev.airlock.engine.AgentEntry";
    public static final String AGENT_ENTRY_START = "start";

    /** The bridge, in the bootstrap loader: {@code startBegun()}, {@code startFinished()}. */
    public static final String BRIDGE = "dev.airlock.bridge.AirlockBridge";
    public static final String BRIDGE_START_BEGUN = "startBegun";
    public static final String BRIDGE_START_FINISHED = "startFinished";
    /** {@code expectRuntime(ClassLoader)}: seals the bridge to the runtime's loader, before the host's main. */
    public static final String BRIDGE_EXPECT_RUNTIME = "expectRuntime";
    /** {@code startFailed(String)}: refuse what changes state until a guard is installed. */
    public static final String BRIDGE_START_FAILED = "startFailed";
    /** {@code report(String)}: a gap or a refused attempt, for the audit. */
    public static final String BRIDGE_REPORT = "report";

    /** Called where an SDK cannot be hooked: {@code refuse()} fails the call. */
    public static final String UNGUARDED_SDK = "dev.airlock.bridge.UnguardedSdk";
    public static final String UNGUARDED_SDK_METHOD = "refuse";

    /** Called at the entry of {@code ProcessBuilder.start(Redirect[])}. */
    public static final String PROCESS_START_HOOK = "dev.airlock.bridge.ProcessStartHook";
    public static final String PROCESS_START_HOOK_METHOD = "beforeStart";

    /** Called at the entry of SDK v2's {@code invokeInterceptorsAndCreateExecutionContext}. */
    public static final String SDK_V2_HOOK = "dev.airlock.sdk.internal.AgentHook";
    public static final String SDK_V2_HOOK_METHOD = "beforeExecution";

    /** Called at the entry of SDK v1's {@code AmazonHttpClient.RequestExecutor.execute()}. */
    public static final String SDK_V1_HOOK = "dev.airlock.sdk.v1.internal.V1AgentHook";
    public static final String SDK_V1_HOOK_METHOD = "beforeExecute";
    /** Called at the entry of {@code AmazonHttpClient.execute(request, ...)} in releases before RequestExecutor. */
    public static final String SDK_V1_LEGACY_HOOK_METHOD = "beforeLegacyExecute";

    /**
     * Called at the entry of the SDK's SigV4 signers, so that a request signed outside a client is decided:
     * {@code beforeSign(signer, signRequest)} and {@code beforeSignAsync(signer, asyncSignRequest)} in
     * {@code DefaultAwsV4HttpSigner}; {@code beforeLegacySign(signer, request, requestParams, signingParams[,
     * checksum])} and {@code beforeLegacyPresign(signer, request, requestParams, presignParams)} in
     * {@code AbstractAws4Signer}.
     */
    public static final String SDK_SIGNER_HOOK = "dev.airlock.sdk.signer.internal.SignerHook";
    public static final String SDK_SIGNER_SIGN = "beforeSign";
    public static final String SDK_SIGNER_SIGN_ASYNC = "beforeSignAsync";
    public static final String SDK_SIGNER_LEGACY_SIGN = "beforeLegacySign";
    public static final String SDK_SIGNER_LEGACY_PRESIGN = "beforeLegacyPresign";

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
