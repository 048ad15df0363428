package dev.airlock.agent.process;

import dev.airlock.engine.AgentLinks;
import dev.airlock.agent.internal.MethodEntryHook;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;

/**
 * Guards the processes the JVM starts: the private {@code ProcessBuilder.start(Redirect[])} that every start ends
 * in first calls the bridge's {@code ProcessStartHook}. {@code java.lang.ProcessBuilder} is usually loaded before
 * the agent runs, so it is retransformed; only code is added to a method body, so the class format never changes.
 * Installed once the bridge is in the bootstrap loader, which the hooked code must be able to reach.
 */
public final class ProcessInstrumentation implements ClassFileTransformer {

    static final String TARGET_INTERNAL_NAME = "java/lang/ProcessBuilder";
    static final String HOOK = AgentLinks.PROCESS_START_HOOK;
    static final String BRIDGE = AgentLinks.BRIDGE;

    private final MethodEntryHook hook = new MethodEntryHook("start", 1, true, HOOK, AgentLinks.PROCESS_START_HOOK_METHOD);

    private ProcessInstrumentation() {
    }

    public static void install(Instrumentation inst) throws ClassNotFoundException, UnmodifiableClassException {
        // java.base reads no unnamed module; the hooked code must be able to reach the bridge's.
        Module bridge = Class.forName(BRIDGE, false, null).getModule();
        inst.redefineModule(Object.class.getModule(), Set.of(bridge), Map.of(), Map.of(), Set.of(), Map.of());
        inst.addTransformer(new ProcessInstrumentation(), true);
        inst.retransformClasses(ProcessBuilder.class);
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (loader != null || !TARGET_INTERNAL_NAME.equals(className)) {
            return null;
        }
        try {
            return hook.apply(classfileBuffer);
        } catch (Throwable t) {
            System.err.println("[airlock] ERROR: could not instrument java.lang.ProcessBuilder, so the processes "
                    + "this JVM starts are NOT guarded: " + t);
            return null;
        }
    }
}
