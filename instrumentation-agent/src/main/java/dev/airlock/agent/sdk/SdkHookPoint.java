package dev.airlock.agent.sdk;

import dev.airlock.agent.internal.MethodEntryHook;
import java.util.List;

/**
 * One method an SDK's calls pass through, named relative to the SDK's root package so that a relocated copy of
 * the SDK matches too.
 *
 * @param root the SDK's own root package, internal form ({@code software/amazon/awssdk})
 * @param tail the class below the root ({@code /awscore/internal/AwsExecutionContextBuilder})
 * @param hooks the method shapes tried in turn; the first that the class has is hooked
 * @param supersededBy a class below the root whose presence means a newer hook point covers this SDK, or null
 * @param hookClass the hook's class, binary name, before relocation
 * @param v1 true for SDK v1, whose hooks are kept apart
 * @param sideDoor true for a way round the client pipeline (a signer): where its hook cannot be placed the class is
 *     left as it is and the gap reported, since refusing it would also stop the pipeline's own signing
 */
record SdkHookPoint(String root, String tail, List<MethodEntryHook> hooks, String supersededBy, String hookClass,
                    boolean v1, boolean sideDoor) {

    SdkHookPoint(String root, String tail, List<MethodEntryHook> hooks, String supersededBy, String hookClass,
                 boolean v1) {
        this(root, tail, hooks, supersededBy, hookClass, v1, false);
    }

    /** A signer's method, hooked where the release has it, for requests signed outside a client. */
    static SdkHookPoint signer(String tail, MethodEntryHook... shapes) {
        return new SdkHookPoint("software/amazon/awssdk", tail, List.of(shapes), null,
                dev.airlock.engine.AgentLinks.SDK_SIGNER_HOOK, false, true);
    }

    /** The SDK root of {@code className} when it is this hook point's class, else null. */
    String rootOf(String className) {
        if (className == null || !className.endsWith(tail)) {
            return null;
        }
        String sdkRoot = className.substring(0, className.length() - tail.length());
        // Airlock's own relocated SDK (egress) is never guarded by Airlock.
        if (sdkRoot.isEmpty() || sdkRoot.startsWith("dev/airlock/")
                || !(sdkRoot.equals(root) || sdkRoot.endsWith("/" + lastSegments()))) {
            return null;
        }
        return sdkRoot;
    }

    /** {@code awssdk}, {@code amazonaws}: what a relocated root still ends with. */
    private String lastSegments() {
        return root.substring(root.lastIndexOf('/') + 1);
    }
}
