package dev.airlock.agent.sdk;

import dev.airlock.engine.AgentLinks;
import dev.airlock.agent.internal.MethodEntryHook;
import dev.airlock.agent.internal.StartedRuntime;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Guards every call of an AWS SDK: one method all of its calls pass through before anything is sent, matched by
 * its exact class name, starts with a call to a hook. For SDK v2 that is the static
 * {@code AwsExecutionContextBuilder.invokeInterceptorsAndCreateExecutionContext(executionParams, clientConfig)},
 * which sync and async clients both run before their interceptors; for SDK v1,
 * {@code AmazonHttpClient.RequestExecutor.execute()}, run once per call before handlers, signing and retries.
 * The hook is defined in the SDK's own class loader just before, so it links against that SDK whatever loader
 * the application put it in; it lets only Airlock's own exception escape, and that one must reach the caller.
 *
 * <p>A plain transformer that compares one class name: every class the host loads passes through it, so it
 * costs a string comparison, and the class file is parsed only for the one class it hooks. Classes loaded
 * before a dynamic attach are retransformed too; only code is added to a method body, so the class format
 * never changes. The runtime's own class loader is never touched, and Airlock's own AWS calls (STS, its
 * stores) go through the relocated SDK of the egress jar, whose classes have other names, so they are never
 * decided as the host's.
 */
public final class AwsSdkInstrumentation implements ClassFileTransformer {

    private final String targetType;
    private final String targetInternalName;
    private final MethodEntryHook hook;
    private final String hookClass;
    private final boolean v1;
    private final Supplier<StartedRuntime> runtime;
    private volatile HelperInjector helpers;

    private AwsSdkInstrumentation(String targetType, MethodEntryHook hook, String hookClass, boolean v1,
                                  Supplier<StartedRuntime> runtime) {
        this.targetType = targetType;
        this.targetInternalName = targetType.replace('.', '/');
        this.hook = hook;
        this.hookClass = hookClass;
        this.v1 = v1;
        this.runtime = runtime;
    }

    /**
     * Hooks the SDK v2 and v1 classes loaded from now on, and those already loaded.
     *
     * @param runtime waits for Airlock's start when it has not finished yet; gives null when Airlock does not
     *     guard this JVM, and then the SDKs are left as they are
     */
    public static void install(Instrumentation inst, Supplier<StartedRuntime> runtime) {
        String v2Hook = AgentLinks.SDK_V2_HOOK;
        String v1Hook = AgentLinks.SDK_V1_HOOK;
        install(inst, new AwsSdkInstrumentation("software.amazon.awssdk.awscore.internal.AwsExecutionContextBuilder",
                new MethodEntryHook("invokeInterceptorsAndCreateExecutionContext", 2, v2Hook, AgentLinks.SDK_V2_HOOK_METHOD),
                v2Hook, false, runtime));
        install(inst, new AwsSdkInstrumentation("com.amazonaws.http.AmazonHttpClient$RequestExecutor",
                new MethodEntryHook("execute", 0, true, v1Hook, AgentLinks.SDK_V1_HOOK_METHOD), v1Hook, true, runtime));
    }

    private static void install(Instrumentation inst, AwsSdkInstrumentation transformer) {
        inst.addTransformer(transformer, true);
        List<Class<?>> loaded = new ArrayList<>();
        for (Class<?> type : inst.getAllLoadedClasses()) {
            if (type.getName().equals(transformer.targetType) && inst.isModifiableClass(type)) {
                loaded.add(type);
            }
        }
        for (Class<?> type : loaded) {
            try {
                inst.retransformClasses(type);
            } catch (UnmodifiableClassException | RuntimeException | LinkageError e) {
                transformer.reportNotGuarded(type.getClassLoader(), e);
            }
        }
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (!targetInternalName.equals(className)) {
            return null;
        }
        try {
            HelperInjector injector = helpers();
            return injector != null && injector.prepare(loader) ? hook.apply(classfileBuffer) : null;
        } catch (Throwable t) {
            reportNotGuarded(loader, t);
            return null;
        }
    }

    /** The helper injector, once Airlock has started; null when it does not guard this JVM. */
    private HelperInjector helpers() {
        HelperInjector injector = helpers;
        if (injector == null) {
            StartedRuntime started = runtime.get();
            if (started == null) {
                return null;
            }
            synchronized (this) {
                injector = helpers;
                if (injector == null) {
                    Map<String, byte[]> classes = v1 ? started.sdkV1Helpers() : started.sdkHelpers();
                    injector = new HelperInjector(started.definer(), classes, hookClass, started.runtimeLoader());
                    helpers = injector;
                }
            }
        }
        return injector;
    }

    private void reportNotGuarded(ClassLoader loader, Throwable problem) {
        System.err.println("[airlock] ERROR: could not instrument " + targetType + " in " + loader
                + ", so AWS SDK calls there are NOT guarded: " + problem);
    }
}
