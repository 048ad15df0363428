package dev.airlock.agent.sdk;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.is;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
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
 * Guards every AWS SDK for Java v1 call: {@code AmazonHttpClient.RequestExecutor.execute()}, the one method each
 * v1 client's each call runs once, matched by its exact class name. Like the v2 instrumentation, it reaches
 * clients built before a dynamic attach, and leaves Airlock's own classes and loader alone.
 */
public final class AwsSdkV1Instrumentation {

    static final String TARGET_TYPE = "com.amazonaws.http.AmazonHttpClient$RequestExecutor";
    static final String ADVICE = "dev.airlock.agent.sdk.V1ExecuteAdvice";
    static final String HOOK = "dev.airlock.sdk.v1.internal.V1AgentHook";

    private AwsSdkV1Instrumentation() {
    }

    /**
     * @param v1Helpers the {@code dev.airlock.sdk.v1} classes by binary name, defined in each v1 SDK class loader
     */
    public static void install(Instrumentation inst, ClassInjector.UsingUnsafe.Factory injectors,
                               Map<String, byte[]> v1Helpers, ClassLoader runtimeLoader) {
        ClassFileLocator agentClasses = ClassFileLocator.ForClassLoader.of(
                AwsSdkV1Instrumentation.class.getClassLoader());
        TypeDescription adviceType = TypePool.Default.of(agentClasses).describe(ADVICE).resolve();
        AsmVisitorWrapper advice = Advice.to(adviceType, agentClasses)
                .on(named("execute").and(not(isStatic())).and(takesArguments(0)));
        HelperInjector helpers = new HelperInjector(injectors, v1Helpers, HOOK);

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
