package dev.airlock.agent.internal;

import dev.airlock.agent.sdk.AwsSdkInstrumentation;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Brings Airlock up in a JVM: the bridge on the bootstrap path (so that the SDK, in whatever class loader, and
 * the engine meet on the same classes), the runtime in a class loader of its own (so that none of its libraries
 * meet the host's), the engine started, then the SDK instrumented.
 *
 * <p>At JVM start only the class file transformer is registered before the host's {@code main}; the rest starts
 * on a daemon thread beside the host's own start. The transformer waits for it when the SDK's class loads, so no
 * SDK call is ever made before the engine guards it. Attached to a running JVM, everything is done before the
 * attach returns.
 */
public final class AgentStartup implements Runnable, Supplier<StartedRuntime> {

    static final String AGENT_ENTRY = "dev.airlock.engine.AgentEntry";
    private static final long START_WAIT_SECONDS = 120;

    private final String agentArgs;
    private final Instrumentation inst;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile StartedRuntime started;

    private AgentStartup(String agentArgs, Instrumentation inst) {
        this.agentArgs = agentArgs;
        this.inst = inst;
    }

    /** {@code -javaagent}: the hook is in place before {@code main}; the engine starts beside the host. */
    public static void atJvmStart(String agentArgs, Instrumentation inst) {
        // No lambdas here: their first use costs the host's start the bootstrap of invokedynamic.
        AgentStartup startup = new AgentStartup(agentArgs, inst);
        AwsSdkInstrumentation.install(inst, startup);
        Thread thread = new Thread(startup, "airlock-start");
        thread.setDaemon(true);
        thread.start();
    }

    /** Attached to a running JVM: its SDK is guarded when this returns. */
    public static void attached(String agentArgs, Instrumentation inst) throws Exception {
        AgentStartup startup = new AgentStartup(agentArgs, inst);
        try {
            startup.start();
        } finally {
            startup.finished.countDown();
        }
        if (startup.started != null) {
            AwsSdkInstrumentation.install(inst, startup);
        }
    }

    /** Starts Airlock on the thread {@code airlock-start}. */
    @Override
    public void run() {
        try {
            start();
        } catch (Throwable t) {
            System.err.println("[airlock] ERROR: Airlock could not start, so AWS SDK calls in this JVM are NOT "
                    + "guarded: " + t);
        } finally {
            finished.countDown();
        }
    }

    private void start() throws Exception {
        RuntimeJar runtime = RuntimeJar.unpack();
        ClassDefiner definer = definer(inst);
        BootstrapBridge.install(inst, definer, runtime);
        ClassLoader runtimeLoader = new URLClassLoader("airlock-runtime", new URL[] {runtime.jar().toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
        if (!startEngine(runtimeLoader, agentArgs)) {
            return;
        }
        if (definer == null) {
            System.err.println("[airlock] ERROR: this JVM does not let Airlock define its hooks next to the AWS SDK, "
                    + "so AWS SDK calls in this JVM are NOT guarded");
            return;
        }
        started = new StartedRuntime(definer, runtime.sdkHelpers(), runtimeLoader);
    }

    /**
     * Waits for the start to finish, however the host's thread is interrupted meanwhile.
     *
     * @return what the instrumentation needs; null when Airlock is disabled or could not start
     */
    @Override
    public StartedRuntime get() {
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_WAIT_SECONDS);
        try {
            while (true) {
                try {
                    if (finished.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                        return started;
                    }
                    System.err.println("[airlock] ERROR: Airlock did not start within " + START_WAIT_SECONDS
                            + " s, so AWS SDK calls in this JVM are NOT guarded");
                    return null;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ClassDefiner definer(Instrumentation inst) {
        try {
            return PrivateAccess.definer(inst);
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
