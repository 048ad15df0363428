package dev.airlock.approval.internal;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The calling code path an approver sees: the top frames of the current thread outside the JDK, the AWS SDKs,
 * Airlock and its relocated libraries. Airlock decides on the caller's thread, so this is the tool's own code.
 */
public final class CallerFrames {

    private static final String[] SKIPPED = {
        "java.", "javax.", "jdk.", "sun.", "com.sun.", "software.amazon.", "com.amazonaws.", "kotlin.coroutines.",
        "dev.airlock.agent.", "dev.airlock.approval.", "dev.airlock.audit.", "dev.airlock.bridge.",
        "dev.airlock.call.", "dev.airlock.catalog.", "dev.airlock.config.", "dev.airlock.credentials.",
        "dev.airlock.egress.", "dev.airlock.engine.", "dev.airlock.gate.", "dev.airlock.plan.",
        "dev.airlock.policy.", "dev.airlock.process.", "dev.airlock.sdk.", "dev.airlock.shaded."
    };

    private CallerFrames() {
    }

    public static List<String> top(int max) {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> !skipped(f.getClassName()))
                .limit(max)
                .map(f -> f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber()
                        + ")")
                .collect(Collectors.toList()));
    }

    private static boolean skipped(String className) {
        for (String p : SKIPPED) {
            if (className.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
