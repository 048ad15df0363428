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
 */
record SdkHookPoint(String root, String tail, List<MethodEntryHook> hooks, String supersededBy, String hookClass,
                    boolean v1) {

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
