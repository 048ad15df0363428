package dev.airlock.agent.sdk;

import dev.airlock.sdk.internal.AgentHook;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the start of {@code AwsExecutionContextBuilder.invokeInterceptorsAndCreateExecutionContext}. Never
 * loaded as a class: Byte Buddy copies its code from the class file. The hook it calls is defined in the SDK's
 * own class loader before this code is applied there.
 *
 * <p>Nothing is suppressed here: the hook lets only {@code AirlockHeldException} escape, and that one must reach
 * the caller.
 */
public final class ExecutionContextAdvice {

    private ExecutionContextAdvice() {
    }

    @Advice.OnMethodEnter
    public static void enter(@Advice.Argument(0) Object executionParams, @Advice.Argument(1) Object clientConfig) {
        AgentHook.beforeExecution(executionParams, clientConfig);
    }
}
