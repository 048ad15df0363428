package dev.airlock.agent.internal;

import dev.airlock.engine.AgentLinks;
import dev.airlock.agent.process.ProcessInstrumentation;
import dev.airlock.agent.sdk.AwsSdkInstrumentation;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Brings Airlock up in a JVM: the bridge on the bootstrap path (so that the SDK, in whatever class loader, and
 * the engine meet on the same classes), the runtime in a class loader of its own (so that none of its libraries
 * meet the host's), process starts hooked, the engine started, then the SDKs (v2 and v1) instrumented.
 *
 * <p>At JVM start only the class file transformer is registered before the host's {@code main}; the rest starts
 * on a daemon thread beside the host's own start. The transformer waits for it when the SDK's class loads, so no
 * SDK call is ever made before the engine guards it. Attached to a running JVM, everything is done before the
 * attach returns.
 */
public final class AgentStartup implements Runnable, Supplier<StartedRuntime> {

    static final String AGENT_ENTRY = AgentLinks.AGENT_ENTRY;
    static final String BRIDGE = AgentLinks.BRIDGE;
    private static final long START_WAIT_SECONDS = 120;

    private final String agentArgs;
    private final Instrumentation inst;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile StartedRuntime started;
    private RuntimeJar runtime;
    private ClassDefiner definer;

    private AgentStartup(String agentArgs, Instrumentation inst) {
        this.agentArgs = agentArgs;
        this.inst = inst;
    }

    /** {@code -javaagent}: the hook is in place before {@code main}; the engine starts beside the host. */
    public static void atJvmStart(String agentArgs, Instrumentation inst) {
        // No lambdas here: their first use costs the host's start the bootstrap of invokedynamic.
        AgentStartup startup = new AgentStartup(agentArgs, inst);
        AwsSdkInstrumentation.install(inst, startup);
        if (!startup.prepare()) {
            return;
        }
        Thread thread = new Thread(startup, "airlock-start");
        thread.setDaemon(true);
        thread.start();
    }

    /** Attached to a running JVM: its SDK is guarded when this returns. */
    public static void attached(String agentArgs, Instrumentation inst) {
        AgentStartup startup = new AgentStartup(agentArgs, inst);
        if (!startup.prepare()) {
            return;
        }
        startup.run();
        if (startup.started != null) {
            AwsSdkInstrumentation.install(inst, startup);
        }
    }

    /**
     * Before the host's {@code main}: the bridge in the bootstrap loader, process starts hooked, and the start
     * marked pending, so that a process the host starts meanwhile waits for its guard instead of slipping by.
     *
     * @return false when Airlock cannot start at all (reported); the SDK hooks then let calls go as they are
     */
    private boolean prepare() {
        try {
            runtime = RuntimeJar.unpack();
            definer = definer(inst);
            BootstrapBridge.install(inst, definer, runtime);
            bridge(AgentLinks.BRIDGE_START_BEGUN);
            installProcessGuard(inst);
            return true;
        } catch (Throwable t) {
            finished.countDown();
            System.err.println("[airlock] ERROR: Airlock could not start, so AWS SDK calls and processes in this "
                    + "JVM are NOT guarded: " + t);
            return false;
        }
    }

    /** Starts the engine, on the thread {@code airlock-start} (or the attaching one). */
    @Override
    public void run() {
        try {
            start();
        } catch (Throwable t) {
            System.err.println("[airlock] ERROR: Airlock could not start, so AWS SDK calls in this JVM are NOT "
                    + "guarded: " + t);
        } finally {
            finished.countDown();
            try {
                bridge(AgentLinks.BRIDGE_START_FINISHED);
            } catch (ReflectiveOperationException | LinkageError e) {
                // The bridge is there (prepare put it there); nothing is waiting if it is not.
            }
        }
    }

    private void start() throws Exception {
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
        started = new StartedRuntime(definer, runtime.sdkHelpers(), runtime.sdkV1Helpers(), runtimeLoader);
    }

    /** Calls a no-argument method of the bridge, which this class must not link against. */
    private static void bridge(String method) throws ReflectiveOperationException {
        Class.forName(BRIDGE, true, null).getMethod(method).invoke(null);
    }

    /** Before the engine starts, so that no process slips through once it guards; the hook waits for nothing. */
    private static void installProcessGuard(Instrumentation inst) {
        try {
            ProcessInstrumentation.install(inst);
        } catch (Exception | LinkageError e) {
            System.err.println("[airlock] ERROR: the processes this JVM starts are NOT guarded: " + e);
        }
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
            Path agentJar = RuntimeJar.agentJarPath();
            return (Boolean) entry.getMethod(AgentLinks.AGENT_ENTRY_START, String.class, String.class)
                    .invoke(null, agentArgs, agentJar == null ? null : agentJar.toString());
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
