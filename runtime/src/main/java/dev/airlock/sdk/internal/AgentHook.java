package dev.airlock.sdk.internal;

import dev.airlock.bridge.CallAnswer;
import java.net.URI;
import software.amazon.awssdk.awscore.client.config.AwsClientOption;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.client.config.SdkClientConfiguration;
import software.amazon.awssdk.core.client.config.SdkClientOption;
import software.amazon.awssdk.core.client.handler.ClientExecutionParams;
import software.amazon.awssdk.regions.Region;

/**
 * Where the Java agent's advice enters, at the start of
 * {@code AwsExecutionContextBuilder.invokeInterceptorsAndCreateExecutionContext}, which every synchronous and
 * asynchronous SDK v2 call passes through before its interceptors run.
 *
 * <p>The agent defines this class in the class loader of the SDK it guards, so it links against that SDK
 * whatever loader the application put it in. It may use only SDK, {@code java.*} and bridge types.
 */
public final class AgentHook {

    private AgentHook() {
    }

    /**
     * @param executionParams the call's {@code ClientExecutionParams}
     * @param clientConfig the client's {@code SdkClientConfiguration}
     */
    /**
     * The entry point for releases before {@code AwsExecutionContextBuilder} (2.0 to about 2.17.40), at the start
     * of {@code AwsClientHandlerUtils.createExecutionContext(executionParams, clientConfig, executionAttributes)}.
     */
    public static void beforeExecution(Object executionParams, Object clientConfig, Object executionAttributes) {
        beforeExecution(executionParams, clientConfig);
    }

    @SuppressWarnings("deprecation") // SERVICE_SIGNING_NAME: still set by every client; the signing name we need
    public static void beforeExecution(Object executionParams, Object clientConfig) {
        String service = null;
        String signingName = null;
        String operation = null;
        Region region = null;
        URI endpoint = null;
        SdkRequest request = null;
        try {
            ClientExecutionParams<?, ?> params = (ClientExecutionParams<?, ?>) executionParams;
            SdkClientConfiguration config = (SdkClientConfiguration) clientConfig;
            operation = params.getOperationName();
            request = params.getInput();
            service = config.option(SdkClientOption.SERVICE_NAME);
            signingName = config.option(AwsClientOption.SERVICE_SIGNING_NAME);
            region = config.option(AwsClientOption.AWS_REGION);
            endpoint = config.option(SdkClientOption.ENDPOINT);
        } catch (Throwable t) {
            // Whatever could be read is used; the guard fails closed on what it cannot classify.
        }
        CallAnswer answer = V2Enforcer.enforceInstalled(service, signingName, operation, region, endpoint, request,
                clientConfig);
        if (answer != null && answer.credentials() != null) {
            // The input is replaced before the SDK reads it: the session then signs the call on 2.21 and later.
            withInput(executionParams, V2Enforcer.signedAsAnswered(answer, request, service, operation));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void withInput(Object executionParams, SdkRequest signed) {
        ((ClientExecutionParams) executionParams).withInput(signed);
    }
}
