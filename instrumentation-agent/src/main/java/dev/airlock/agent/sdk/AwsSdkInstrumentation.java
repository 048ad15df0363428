package dev.airlock.agent.sdk;

import dev.airlock.engine.AgentLinks;
import dev.airlock.agent.internal.MethodEntryHook;
import dev.airlock.agent.internal.RefusingHook;
import dev.airlock.agent.internal.StartedRuntime;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Guards every call of an AWS SDK: one method all of its calls pass through before anything is sent starts with
 * a call to a hook. For SDK v2 that is the static
 * {@code AwsExecutionContextBuilder.invokeInterceptorsAndCreateExecutionContext(executionParams, clientConfig)},
 * which sync and async clients both run before their interceptors, and in releases before it (2.0 to about
 * 2.17.40) {@code AwsClientHandlerUtils.createExecutionContext}; for SDK v1,
 * {@code AmazonHttpClient.RequestExecutor.execute()}, run once per call before handlers, signing and retries, and
 * in releases before it (1.11.0) {@code AmazonHttpClient.execute(request, ...)}. The hook is defined in the SDK's
 * own class loader just before, so it links against that SDK whatever loader the application put it in.
 *
 * <p>Classes are matched by their name below the SDK's root, so an SDK a tool relocated
 * ({@code com.acme.shaded.software.amazon.awssdk}) is found too, and gets hooks relocated to match. Airlock's own
 * relocated SDK ({@code dev.airlock.shaded}, in the egress loader below the runtime's) and the runtime's class
 * loader are never touched, so Airlock's own AWS calls are never decided as the host's.
 *
 * <p>The SDK's SigV4 signers are hooked too ({@code DefaultAwsV4HttpSigner.sign/signAsync},
 * {@code AbstractAws4Signer.doSign/doPresign}), so that a request a tool builds and signs itself, or presigns into a
 * URL, is decided before it is signed; what the client pipeline signs was decided by its own hook and is let be.
 *
 * <p>Where no hook can be placed, the SDK in that loader is reported NOT guarded, on standard error and in the
 * audit, and (with {@code unguarded: fail}, the default) its calls fail with a clear message instead of going out.
 *
 * <p>A plain transformer: every class the host loads costs a string comparison; the class file is parsed only
 * for the classes it hooks. Classes loaded before a dynamic attach are retransformed too; only code is added to
 * method bodies, so the class format never changes.
 */
public final class AwsSdkInstrumentation implements ClassFileTransformer {

    private static final String V2_ROOT = "software/amazon/awssdk";
    private static final String V1_ROOT = "com/amazonaws";
    /** The signer behind {@code AwsV4HttpSigner} (2.21 on): the client pipeline's and everyone else's. */
    private static final String SRA_SIGNER = "/http/auth/aws/internal/signer/DefaultAwsV4HttpSigner";
    /** The base of {@code Aws4Signer}, {@code AwsS3V4Signer} and the other legacy SigV4 signers. */
    private static final String LEGACY_SIGNER = "/auth/signer/internal/AbstractAws4Signer";
    private static final String REFUSE_OWNER = AgentLinks.UNGUARDED_SDK.replace('.', '/');

    private final SdkHookPoint point;
    private final Supplier<StartedRuntime> runtime;
    /** One injector per SDK root: the plain SDK and each relocated copy get hooks of their own. */
    private final Map<String, HelperInjector> injectors = new ConcurrentHashMap<>();

    private AwsSdkInstrumentation(SdkHookPoint point, Supplier<StartedRuntime> runtime) {
        this.point = point;
        this.runtime = runtime;
    }

    /**
     * Hooks the SDK v2 and v1 classes loaded from now on, and those already loaded.
     *
     * @param runtime waits for Airlock's start when it has not finished yet; gives null when Airlock does not
     *     guard this JVM, and then the SDKs are left as they are
     */
    public static void install(Instrumentation inst, Supplier<StartedRuntime> runtime) {
        List<AwsSdkInstrumentation> transformers = new ArrayList<>();
        for (SdkHookPoint point : points()) {
            AwsSdkInstrumentation transformer = new AwsSdkInstrumentation(point, runtime);
            inst.addTransformer(transformer, true);
            transformers.add(transformer);
        }
        retransformLoaded(inst, transformers);
    }

    /** Every method hooked, in every SDK release it may be found in. */
    static List<SdkHookPoint> points() {
        String v2Hook = AgentLinks.SDK_V2_HOOK;
        String v1Hook = AgentLinks.SDK_V1_HOOK;
        String signer = AgentLinks.SDK_SIGNER_HOOK;
        List<SdkHookPoint> points = List.of(
                new SdkHookPoint(V2_ROOT, "/awscore/internal/AwsExecutionContextBuilder",
                        List.of(new MethodEntryHook("invokeInterceptorsAndCreateExecutionContext", 2, v2Hook,
                                AgentLinks.SDK_V2_HOOK_METHOD)), null, v2Hook, false),
                new SdkHookPoint(V2_ROOT, "/awscore/client/handler/AwsClientHandlerUtils",
                        List.of(new MethodEntryHook("createExecutionContext", 2, v2Hook, AgentLinks.SDK_V2_HOOK_METHOD),
                                new MethodEntryHook("createExecutionContext", 3, v2Hook, AgentLinks.SDK_V2_HOOK_METHOD)),
                        "/awscore/internal/AwsExecutionContextBuilder", v2Hook, false),
                new SdkHookPoint(V1_ROOT, "/http/AmazonHttpClient$RequestExecutor",
                        List.of(new MethodEntryHook("execute", 0, true, v1Hook, AgentLinks.SDK_V1_HOOK_METHOD)), null, v1Hook,
                        true),
                new SdkHookPoint(V1_ROOT, "/http/AmazonHttpClient",
                        List.of(new MethodEntryHook("execute", 4, true, v1Hook, AgentLinks.SDK_V1_LEGACY_HOOK_METHOD)),
                        "/http/AmazonHttpClient$RequestExecutor", v1Hook, true),
                // Requests signed outside a client: the SDK's SigV4 signers, one point per method.
                SdkHookPoint.signer(SRA_SIGNER, new MethodEntryHook("sign", 1, true, signer, AgentLinks.SDK_SIGNER_SIGN)),
                SdkHookPoint.signer(SRA_SIGNER, new MethodEntryHook("signAsync", 1, true, signer,
                        AgentLinks.SDK_SIGNER_SIGN_ASYNC)),
                SdkHookPoint.signer(LEGACY_SIGNER,
                        new MethodEntryHook("doSign", 4, true, signer, AgentLinks.SDK_SIGNER_LEGACY_SIGN),
                        new MethodEntryHook("doSign", 3, true, signer, AgentLinks.SDK_SIGNER_LEGACY_SIGN)),
                SdkHookPoint.signer(LEGACY_SIGNER, new MethodEntryHook("doPresign", 3, true, signer,
                        AgentLinks.SDK_SIGNER_LEGACY_PRESIGN)));
        return points;
    }

    /**
     * Classes of a hook point already loaded (a dynamic attach, or an SDK class loaded before {@code premain}) are
     * retransformed, which runs every transformer over them: one scan of the loaded classes for all points.
     */
    private static void retransformLoaded(Instrumentation inst, List<AwsSdkInstrumentation> transformers) {
        for (Class<?> type : inst.getAllLoadedClasses()) {
            String name = type.getName().replace('.', '/');
            for (AwsSdkInstrumentation transformer : transformers) {
                if (transformer.point.rootOf(name) != null && inst.isModifiableClass(type)) {
                    retransform(inst, type, transformer.point);
                    break;
                }
            }
        }
    }

    private static void retransform(Instrumentation inst, Class<?> type, SdkHookPoint point) {
        try {
            inst.retransformClasses(type);
        } catch (UnmodifiableClassException | RuntimeException | LinkageError e) {
            if (point.sideDoor()) {
                NotGuarded.reportSigner(type.getName(), type.getClassLoader(), String.valueOf(e));
            } else {
                NotGuarded.report(type.getName(), type.getClassLoader(), String.valueOf(e));
            }
        }
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        String sdkRoot = point.rootOf(className);
        if (sdkRoot == null || superseded(loader, sdkRoot)) {
            return null;
        }
        StartedRuntime started;
        try {
            started = runtime.get();
        } catch (Throwable t) {
            started = null;
        }
        if (started == null || loader == started.runtimeLoader() || descendsFrom(loader, started.runtimeLoader())) {
            return null;
        }
        String problem;
        try {
            HelperInjector injector = injector(started, sdkRoot, legacyV1(loader, sdkRoot));
            if (injector.prepare(loader)) {
                String hookClass = sdkRoot.equals(point.root()) ? point.hookClass()
                        : RelocatedHelpers.relocatedName(point.hookClass(), point.root(), sdkRoot);
                IllegalStateException noMatch = null;
                for (MethodEntryHook hook : point.hooks()) {
                    try {
                        return hook.withHookOwner(hookClass).apply(classfileBuffer);
                    } catch (IllegalStateException e) {
                        noMatch = e;
                    }
                }
                problem = noMatch == null ? "no hook point" : noMatch.getMessage();
            } else {
                problem = injector.problem(loader);
            }
        } catch (Throwable t) {
            problem = String.valueOf(t);
        }
        if (point.sideDoor()) {
            NotGuarded.reportSigner(className.replace('/', '.'), loader, problem);
            return null;
        }
        NotGuarded.report(className.replace('/', '.'), loader, problem);
        try {
            return RefusingHook.apply(classfileBuffer, point.hooks().get(0).methodName(), REFUSE_OWNER,
                    AgentLinks.UNGUARDED_SDK_METHOD);
        } catch (Throwable t) {
            return null;
        }
    }

    /** True when a newer hook point of the same SDK is in this loader and covers its calls. */
    private boolean superseded(ClassLoader loader, String sdkRoot) {
        if (point.supersededBy() == null) {
            return false;
        }
        String resource = sdkRoot + point.supersededBy() + ".class";
        try {
            return loader == null ? ClassLoader.getSystemResource(resource) != null
                    : loader.getResource(resource) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean descendsFrom(ClassLoader loader, ClassLoader ancestor) {
        for (ClassLoader l = loader; l != null; l = l.getParent()) {
            if (l == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** SDK v1 releases before {@code SdkClientException} (1.11.0): the hooks throw its ancestor instead. */
    private boolean legacyV1(ClassLoader loader, String sdkRoot) {
        if (!point.v1() || loader == null) {
            return false;
        }
        try {
            return loader.getResource(sdkRoot + "/SdkClientException.class") == null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private HelperInjector injector(StartedRuntime started, String sdkRoot, boolean legacy) {
        return injectors.computeIfAbsent(legacy ? sdkRoot + "#legacy" : sdkRoot, key -> {
            String root = sdkRoot;
            Map<String, byte[]> classes = point.v1() ? started.sdkV1Helpers() : started.sdkHelpers();
            if (legacy) {
                classes = RelocatedHelpers.retarget(classes, Map.of(point.root() + "/SdkClientException",
                        point.root() + "/AmazonClientException"));
            }
            String hookClass = point.hookClass();
            if (!root.equals(point.root())) {
                classes = RelocatedHelpers.relocate(classes, point.root(), root);
                hookClass = RelocatedHelpers.relocatedName(hookClass, point.root(), root);
            }
            return new HelperInjector(started.definer(), classes, hookClass, started.runtimeLoader());
        });
    }
}
