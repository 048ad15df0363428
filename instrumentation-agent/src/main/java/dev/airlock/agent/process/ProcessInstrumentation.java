package dev.airlock.agent.process;

import static net.bytebuddy.matcher.ElementMatchers.isPrivate;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.JavaModule;

/**
 * Guards the processes the JVM starts: the private {@code ProcessBuilder.start(Redirect[])} that every start ends
 * in asks the bridge's process gate first. {@code java.lang.ProcessBuilder} is usually loaded before the agent
 * runs, so it is retransformed; the advice only adds code, so the class format never changes.
 */
public final class ProcessInstrumentation {

    static final String TARGET_TYPE = "java.lang.ProcessBuilder";
    static final String ADVICE = "dev.airlock.agent.process.ProcessStartAdvice";
    static final String BRIDGE = "dev.airlock.bridge.AirlockBridge";

    private ProcessInstrumentation() {
    }

    public static void install(Instrumentation inst) throws ClassNotFoundException {
        // java.base reads no unnamed module; the inlined code must be able to reach the bridge's.
        Module bridge = Class.forName(BRIDGE, false, null).getModule();
        inst.redefineModule(Object.class.getModule(), Set.of(bridge), Map.of(), Map.of(), Set.of(), Map.of());

        ClassFileLocator agentClasses = ClassFileLocator.ForClassLoader.of(
                ProcessInstrumentation.class.getClassLoader());
        TypeDescription adviceType = TypePool.Default.of(agentClasses).describe(ADVICE).resolve();
        AsmVisitorWrapper advice = Advice.to(adviceType, agentClasses)
                .on(named("start").and(isPrivate()).and(takesArguments(1)));

        new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                .with(new AgentBuilder.Listener.Adapter() {
                    @Override
                    public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
                                        Throwable throwable) {
                        System.err.println("[airlock] ERROR: could not instrument " + typeName + ", so the "
                                + "processes this JVM starts are NOT guarded: " + throwable);
                    }
                })
                .ignore(nameStartsWith("dev.airlock."))
                .type(named(TARGET_TYPE))
                .transform((builder, type, loader, module, protectionDomain) -> builder.visit(advice))
                .installOn(inst);
    }
}
