package dev.airlock.agent.sdk;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.is;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.lang.instrument.Instrumentation;
import java.util.Map;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.loading.ClassInjector;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.pool.TypePool;

/**
 * Guards every AWS SDK for Java v2 call, synchronous and asynchronous: one static method all of them pass
 * through before their interceptors run, matched by its exact class name.
 *
 * <p>Classes loaded before a dynamic attach are retransformed too; the advice only adds code to a method body,
 * so the class format never changes. Airlock's own classes, its relocated libraries and everything in the
 * runtime's class loader are ignored: if the runtime ever makes AWS calls, they go through its own relocated
 * SDK, whose classes have another name, in a loader the agent never touches.
 */
public final class AwsSdkInstrumentation {

    static final String TARGET_TYPE = "software.amazon.awssdk.awscore.internal.AwsExecutionContextBuilder";
    static final String TARGET_METHOD = "invokeInterceptorsAndCreateExecutionContext";
    static final String ADVICE = "dev.airlock.agent.sdk.ExecutionContextAdvice";
    static final String HOOK = "dev.airlock.sdk.internal.AgentHook";

    private AwsSdkInstrumentation() {
    }

    /**
     * @param injectors defines classes in a given class loader
     * @param sdkHelpers the {@code dev.airlock.sdk} classes by binary name, defined in each SDK class loader
     * @param runtimeLoader the runtime's own class loader, never instrumented
     */
    public static void install(Instrumentation inst, ClassInjector.UsingUnsafe.Factory injectors,
                               Map<String, byte[]> sdkHelpers, ClassLoader runtimeLoader) {
        ClassFileLocator agentClasses = ClassFileLocator.ForClassLoader.of(AwsSdkInstrumentation.class.getClassLoader());
        TypeDescription adviceType = TypePool.Default.of(agentClasses).describe(ADVICE).resolve();
        AsmVisitorWrapper advice = Advice.to(adviceType, agentClasses)
                .on(named(TARGET_METHOD).and(isStatic()).and(takesArguments(2)));
        HelperInjector helpers = new HelperInjector(injectors, sdkHelpers, HOOK);

        new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(new ErrorReporter())
                .ignore(nameStartsWith("dev.airlock."))
                .or(any(), is(runtimeLoader))
                .type(named(TARGET_TYPE))
                .transform((builder, type, loader, module, protectionDomain) ->
                        helpers.prepare(loader) ? builder.visit(advice) : builder)
                .installOn(inst);
    }
}
