package dev.airlock.agent.sdk;

import dev.airlock.sdk.v1.internal.V1AgentHook;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the start of the AWS SDK for Java v1's {@code AmazonHttpClient.RequestExecutor.execute()}, which
 * runs once per call, before request handlers, signing and retries. The hook it calls is defined in the SDK's
 * own class loader before this code is applied there.
 */
public final class V1ExecuteAdvice {

    private V1ExecuteAdvice() {
    }

    @Advice.OnMethodEnter
    public static void enter(@Advice.FieldValue("request") Object request) {
        V1AgentHook.beforeExecution(request);
    }
}
