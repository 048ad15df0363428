package dev.airlock.sdk;

import dev.airlock.bridge.AirlockBridge;
import dev.airlock.bridge.CallGuard;
import dev.airlock.sdk.internal.ClassPathGuards;
import dev.airlock.sdk.internal.V2Enforcer;
import java.net.URI;
import java.util.Objects;
import software.amazon.awssdk.auth.signer.AwsSignerExecutionAttribute;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;

/**
 * Airlock without the Java agent: an SDK interceptor that asks the guard before every call of the clients it is
 * registered on, and fails the call with {@link AirlockHeldException} when the guard does not let it through.
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
        V2Enforcer.enforce(guard(), service, signingName, operation, region, endpoint, request, null);
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
