package dev.airlock.agent.sdk;

import dev.airlock.agent.internal.MethodEntryHook;
import dev.airlock.agent.internal.StartedRuntime;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Guards every AWS SDK for Java v2 call, synchronous and asynchronous: one static method all of them pass
 * through before their interceptors run, matched by its exact class name, starts with a call to
 * {@code AgentHook.beforeExecution(executionParams, clientConfig)}. The hook is defined in the SDK's own class
 * loader just before, so it links against that SDK whatever loader the application put it in; it lets only
 * {@code AirlockHeldException} escape, and that one must reach the caller.
 *
 * <p>A plain transformer that compares one class name: every class the host loads passes through it, so it
 * costs a string comparison, and the class file is parsed only for the one class it hooks. Classes loaded
 * before a dynamic attach are retransformed too; only code is added to a method body, so the class format
 * never changes. The runtime's own class loader is never touched: if the runtime ever makes AWS calls, they go
 * through its own relocated SDK, whose classes have another name anyway.
 */
public final class AwsSdkInstrumentation implements ClassFileTransformer {

    static final String TARGET_TYPE = "software.amazon.awssdk.awscore.internal.AwsExecutionContextBuilder";
    static final String TARGET_METHOD = "invokeInterceptorsAndCreateExecutionContext";
    static final String HOOK = "dev.airlock.sdk.internal.AgentHook";
    static final String HOOK_METHOD = "beforeExecution";

    private static final String TARGET_INTERNAL_NAME = TARGET_TYPE.replace('.', '/');

    private final Supplier<StartedRuntime> runtime;
    private volatile HelperInjector helpers;

    private AwsSdkInstrumentation(Supplier<StartedRuntime> runtime) {
        this.runtime = runtime;
    }

    /**
     * Hooks the SDK classes loaded from now on, and those already loaded.
     *
     * @param runtime waits for Airlock's start when it has not finished yet; gives null when Airlock does not
     *     guard this JVM, and then the SDK is left as it is
     */
    public static void install(Instrumentation inst, Supplier<StartedRuntime> runtime) {
        inst.addTransformer(new AwsSdkInstrumentation(runtime), true);
        List<Class<?>> loaded = new ArrayList<>();
        for (Class<?> type : inst.getAllLoadedClasses()) {
            if (type.getName().equals(TARGET_TYPE) && inst.isModifiableClass(type)) {
                loaded.add(type);
            }
        }
        for (Class<?> type : loaded) {
            try {
                inst.retransformClasses(type);
            } catch (UnmodifiableClassException | RuntimeException | LinkageError e) {
                reportNotGuarded(type.getClassLoader(), e);
            }
        }
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (!TARGET_INTERNAL_NAME.equals(className)) {
            return null;
        }
        try {
            HelperInjector injector = helpers();
            return injector != null && injector.prepare(loader)
                    ? new MethodEntryHook(TARGET_METHOD, 2, HOOK, HOOK_METHOD).apply(classfileBuffer) : null;
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
                    injector = new HelperInjector(started.definer(), started.sdkHelpers(), HOOK,
                            started.runtimeLoader());
                    helpers = injector;
                }
            }
        }
        return injector;
    }

    private static void reportNotGuarded(ClassLoader loader, Throwable problem) {
        System.err.println("[airlock] ERROR: could not instrument " + TARGET_TYPE + " in " + loader
                + ", so AWS SDK calls there are NOT guarded: " + problem);
    }
}
