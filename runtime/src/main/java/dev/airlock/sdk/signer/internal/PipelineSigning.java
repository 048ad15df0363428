package dev.airlock.sdk.signer.internal;

import java.util.Iterator;
import java.util.function.Function;
import java.util.stream.Stream;
import software.amazon.awssdk.core.SdkBytes;

/**
 * Tells a signing the client pipeline does from one made outside it. The pipeline's hook has decided every call
 * of a client, so its signings (each attempt of a retry included) must not be decided again: the SDK's signing
 * stage ({@code SigningStage}, {@code AsyncSigningStage}, lambdas of those included, whatever thread completes an
 * asynchronous signing) calls the signer, through SDK code only.
 *
 * <p>Only SDK and JDK frames, and a signer the client was configured with (which may wrap the SDK's), may stand
 * between the signer and the signing stage: code of the tool's own that runs inside a client call (a response
 * transformer, an interceptor) and signs a request of its own there is decided like any other. Frames are matched by class, not by name: a class the guarded process defines
 * under the same name in another loader is not the SDK's. The walk is bounded and happens only in a signer, which
 * spends microseconds on HMAC anyway; nothing is added to the pipeline hook's read path.
 */
final class PipelineSigning {

    /** Deeper than any pipeline signing seen (under ten frames); a deeper one is decided, which is the safe way. */
    static final int MAX_FRAMES = 64;

    private static final String[] MARKERS = {
        ".core.internal.http.pipeline.stages.SigningStage",
        ".core.internal.http.pipeline.stages.AsyncSigningStage",
    };

    /** A client's own signer, which the pipeline calls through the signing stage and which may wrap the SDK's. */
    private static final String[] SIGNER_TYPES = {
        ".core.signer.Signer",
        ".http.auth.spi.signer.HttpSigner",
    };

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static volatile Stages stages;

    private PipelineSigning() {
    }

    /** True when this thread is signing for an SDK client's pipeline. */
    static boolean insidePipeline() {
        Stages known = stages();
        return known.markers.length > 0 && WALKER.walk(known);
    }

    private static Stages stages() {
        Stages known = stages;
        if (known == null) {
            // The SDK's root as this hook sees it: relocated along with the hook for a shaded SDK.
            String bytes = SdkBytes.class.getName();
            String root = bytes.substring(0, bytes.length() - "core.SdkBytes".length());
            ClassLoader loader = SdkBytes.class.getClassLoader();
            stages = known = new Stages(root, classes(root, loader, MARKERS), classes(root, loader, SIGNER_TYPES));
        }
        return known;
    }

    private static Class<?>[] classes(String root, ClassLoader loader, String[] names) {
        java.util.List<Class<?>> found = new java.util.ArrayList<>();
        for (String name : names) {
            try {
                found.add(Class.forName(root + name.substring(1), false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                // Not in this release.
            }
        }
        return found.toArray(new Class<?>[0]);
    }

    /** A class rather than a lambda: the hook is defined in the host's loader, where indy bootstraps cost. */
    private static final class Stages implements Function<Stream<StackWalker.StackFrame>, Boolean> {
        private final String root;
        private final Class<?>[] markers;
        private final Class<?>[] signerTypes;

        Stages(String root, Class<?>[] markers, Class<?>[] signerTypes) {
            this.root = root;
            this.markers = markers;
            this.signerTypes = signerTypes;
        }

        @Override
        public Boolean apply(Stream<StackWalker.StackFrame> frames) {
            Iterator<StackWalker.StackFrame> it = frames.limit(MAX_FRAMES).iterator();
            while (it.hasNext()) {
                Class<?> type = it.next().getDeclaringClass();
                for (Class<?> marker : markers) {
                    if (type == marker) {
                        return true;
                    }
                }
                if (!(ownHook(type) || sdkOrJdk(type.getName()) || clientSigner(type))) {
                    return false;
                }
            }
            return false;
        }

        private boolean sdkOrJdk(String name) {
            return name.startsWith(root) || name.startsWith("java.") || name.startsWith("jdk.");
        }

        private boolean clientSigner(Class<?> type) {
            for (Class<?> signer : signerTypes) {
                if (signer.isAssignableFrom(type)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean ownHook(Class<?> type) {
            return type == PipelineSigning.class || type == Stages.class || type == SignerEnforcer.class
                    || type == SignerHook.class;
        }
    }
}
