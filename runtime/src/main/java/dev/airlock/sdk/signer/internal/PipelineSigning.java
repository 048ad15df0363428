package dev.airlock.sdk.signer.internal;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import software.amazon.awssdk.core.SdkBytes;

/**
 * Tells a signing the client pipeline does from one made outside it. The pipeline's hook has decided every call
 * of a client, so its signings (each attempt of a retry included) must not be decided again: they run below the
 * SDK's signing stage ({@code SigningStage}, {@code AsyncSigningStage}, lambdas of those included, whatever thread
 * completes an asynchronous signing) or below its client handler (the presigning some interceptors do).
 *
 * <p>Frames are matched by class, not by name: a class the guarded process defines under the same name in
 * another loader, or the same package in its own, is not the SDK's. The walk is bounded and happens only in a
 * signer, which spends tens of microseconds on HMAC anyway; nothing is added to the pipeline hook's read path.
 */
final class PipelineSigning {

    /** Deeper than any pipeline signing seen (under ten frames); a deeper one is decided, which is the safe way. */
    static final int MAX_FRAMES = 64;

    private static final String[] MARKERS = {
        ".core.internal.http.pipeline.stages.SigningStage",
        ".core.internal.http.pipeline.stages.AsyncSigningStage",
        ".core.internal.handler.BaseClientHandler",
        ".core.internal.handler.BaseSyncClientHandler",
        ".core.internal.handler.BaseAsyncClientHandler",
    };

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static volatile Class<?>[] markers;

    private PipelineSigning() {
    }

    /** True when this thread is signing inside an SDK client's pipeline. */
    static boolean insidePipeline() {
        Class<?>[] known = markers();
        if (known.length == 0) {
            return false;
        }
        return WALKER.walk(new AnyFrameOf(known));
    }

    private static Class<?>[] markers() {
        Class<?>[] known = markers;
        if (known == null) {
            // The SDK's root as this hook sees it: relocated along with the hook for a shaded SDK.
            String bytes = SdkBytes.class.getName();
            String root = bytes.substring(0, bytes.length() - ".core.SdkBytes".length());
            ClassLoader loader = SdkBytes.class.getClassLoader();
            java.util.List<Class<?>> found = new java.util.ArrayList<>();
            for (String marker : MARKERS) {
                try {
                    found.add(Class.forName(root + marker, false, loader));
                } catch (ClassNotFoundException | LinkageError e) {
                    // Not in this release.
                }
            }
            markers = known = found.toArray(new Class<?>[0]);
        }
        return known;
    }

    /** Classes rather than lambdas: the hook is defined in the host's loader, where indy bootstraps cost. */
    private static final class AnyFrameOf implements Function<Stream<StackWalker.StackFrame>, Boolean>,
            Predicate<StackWalker.StackFrame> {
        private final Class<?>[] known;

        AnyFrameOf(Class<?>[] known) {
            this.known = known;
        }

        @Override
        public Boolean apply(Stream<StackWalker.StackFrame> frames) {
            return frames.limit(MAX_FRAMES).anyMatch(this);
        }

        @Override
        public boolean test(StackWalker.StackFrame frame) {
            Class<?> type = frame.getDeclaringClass();
            for (Class<?> marker : known) {
                if (type == marker) {
                    return true;
                }
            }
            return false;
        }
    }
}
