package dev.airlock.agent.internal;

import dev.airlock.agent.sdk.AwsSdkInstrumentation;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import net.bytebuddy.dynamic.loading.ClassInjector;

/**
 * Brings Airlock up in a JVM: the bridge on the bootstrap path (so that the SDK, in whatever class loader, and
 * the engine meet on the same classes), the runtime in a class loader of its own (so that none of its libraries
 * meet the host's), the engine started, then the SDK instrumented.
 */
public final class AgentStartup {

    static final String AGENT_ENTRY = "dev.airlock.engine.AgentEntry";

    private AgentStartup() {
    }

    public static void start(String agentArgs, Instrumentation inst) throws Exception {
        ByteBuddySettings.apply();
        RuntimeJar runtime = RuntimeJar.unpack();
        ClassInjector.UsingUnsafe.Factory injectors = injectors(inst);
        BootstrapBridge.install(inst, injectors, runtime);
        ClassLoader runtimeLoader = new URLClassLoader("airlock-runtime", new URL[] {runtime.jar().toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
        if (!startEngine(runtimeLoader, agentArgs)) {
            return;
        }
        if (injectors == null) {
            System.err.println("[airlock] ERROR: this JVM does not let Airlock define its hooks next to the AWS SDK, "
                    + "so AWS SDK calls in this JVM are NOT guarded");
            return;
        }
        AwsSdkInstrumentation.install(inst, injectors, runtime.sdkHelpers(), runtimeLoader);
    }

    private static ClassInjector.UsingUnsafe.Factory injectors(Instrumentation inst) {
        try {
            return PrivateAccess.injectors(inst);
        } catch (Exception | LinkageError e) {
            return null;
        }
    }

    /** Installs the engine on the bridge; false when the configuration disables Airlock. */
    private static boolean startEngine(ClassLoader runtimeLoader, String agentArgs) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(runtimeLoader);
        try {
            Class<?> entry = Class.forName(AGENT_ENTRY, true, runtimeLoader);
            return (Boolean) entry.getMethod("start", String.class).invoke(null, agentArgs);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
