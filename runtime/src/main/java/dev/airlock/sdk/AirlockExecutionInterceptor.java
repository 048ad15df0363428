package dev.airlock.sdk;

import dev.airlock.bridge.AirlockBridge;
import dev.airlock.bridge.CallAnswer;
import dev.airlock.bridge.CallGuard;
import dev.airlock.sdk.internal.ClassPathGuards;
import dev.airlock.sdk.internal.SessionSigning;
import dev.airlock.sdk.internal.V2Enforcer;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.auth.signer.AwsSignerExecutionAttribute;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;

/**
 * Airlock without the Java agent: an SDK interceptor that asks the guard before every call of the clients it is
 * registered on, and fails the call with {@link AirlockHeldException} (it waits for a human) or
 * {@link AirlockDeniedException} (refused) when the guard does not let it through.
 *
 * <pre>{@code
 * S3Client s3 = S3Client.builder()
 *     .overrideConfiguration(c -> c.addExecutionInterceptor(new AirlockExecutionInterceptor(engine)))
 *     .build();
 * }</pre>
 *
 * <p>The no-argument constructor serves the SDK's global registration (a class path resource
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors} naming this class): it uses the engine of
 * this class path, started on first use from Airlock's configuration.
 *
 * <p>When the Java agent guards the JVM, this interceptor steps aside, so that no call is decided twice.
 */
public final class AirlockExecutionInterceptor implements ExecutionInterceptor {

    /** The per-action session the guard answered with, from {@code beforeExecution} to {@code modifyRequest}. */
    private static final ExecutionAttribute<Map<String, String>> SESSION =
            new ExecutionAttribute<>("AirlockSessionCredentials");

    private final CallGuard guard;
    private volatile CallGuard classPathGuard;

    /** Uses the engine of this class path, started on first use from Airlock's configuration. */
    public AirlockExecutionInterceptor() {
        this.guard = null;
    }

    /** Asks {@code guard} (for example {@code engine.guard()}) about every call. */
    public AirlockExecutionInterceptor(CallGuard guard) {
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    @Override
    @SuppressWarnings("deprecation") // SERVICE_SIGNING_NAME: still set by every client; the signing name we need
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (AirlockBridge.agentInstalled()) {
            return;
        }
        String service = null;
        String signingName = null;
        String operation = null;
        Region region = null;
        URI endpoint = null;
        SdkRequest request = null;
        try {
            service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
            operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
            request = context.request();
            signingName = attributes.getAttribute(AwsSignerExecutionAttribute.SERVICE_SIGNING_NAME);
            region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
            endpoint = attributes.getAttribute(SdkExecutionAttribute.CLIENT_ENDPOINT);
        } catch (Throwable t) {
            // Whatever could be read is used; the guard fails closed on what it cannot classify.
        }
        CallAnswer answer = V2Enforcer.enforce(guard(), service, signingName, operation, region, endpoint, request,
                null);
        if (answer != null && answer.credentials() != null) {
            // Refuses here, before anything is sent, a request that cannot carry the session.
            V2Enforcer.signedAsAnswered(answer, request, service, operation);
            attributes.putAttribute(SESSION, answer.credentials());
        }
    }

    /** SDK 2.47 and later sign with a request-level credentials override set here. */
    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        Map<String, String> session = attributes.getAttribute(SESSION);
        if (session == null) {
            return context.request();
        }
        // SDK 2.21 to 2.46 resolved the identity before this point and sign with this attribute instead.
        attributes.putAttribute(AwsSignerExecutionAttribute.AWS_CREDENTIALS, SessionSigning.credentials(session));
        return SessionSigning.withSession(context.request(), session);
    }

    private CallGuard guard() {
        if (guard != null) {
            return guard;
        }
        CallGuard g = classPathGuard;
        if (g == null) {
            g = ClassPathGuards.of(AirlockExecutionInterceptor.class.getClassLoader());
            classPathGuard = g;
        }
        return g;
    }
}
