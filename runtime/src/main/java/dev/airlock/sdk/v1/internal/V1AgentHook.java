package dev.airlock.sdk.v1.internal;

import com.amazonaws.AmazonWebServiceRequest;
import com.amazonaws.Request;
import com.amazonaws.handlers.HandlerContextKey;
import dev.airlock.bridge.AirlockBridge;
import java.net.URI;

/**
 * Where the Java agent's advice enters for the AWS SDK for Java v1: at the start of
 * {@code AmazonHttpClient.RequestExecutor.execute()}, which every v1 client's every call passes through once,
 * before its request handlers, signing and retries.
 *
 * <p>The agent defines this class in the class loader of the v1 SDK it guards. It may use only v1 SDK,
 * {@code java.*} and bridge types.
 */
public final class V1AgentHook {

    private V1AgentHook() {
    }

    /** The executor's {@code request} field, found once per executor class. */
    private static final ClassValue<java.lang.reflect.Field> REQUEST_FIELD = new ClassValue<>() {
        @Override
        protected java.lang.reflect.Field computeValue(Class<?> executorType) {
            try {
                java.lang.reflect.Field f = executorType.getDeclaredField("request");
                f.setAccessible(true);
                return f;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
    };

    /**
     * The agent's entry point, at the start of {@code RequestExecutor.execute()}.
     *
     * @param executor the {@code AmazonHttpClient.RequestExecutor} about to run the call
     */
    public static void beforeExecute(Object executor) {
        if (!AirlockBridge.guarding()) {
            return;
        }
        Object request = null;
        try {
            java.lang.reflect.Field f = REQUEST_FIELD.get(executor.getClass());
            request = f == null ? null : f.get(executor);
        } catch (Throwable t) {
            // An unreadable request is decided as an empty one: what changes state fails closed.
        }
        beforeExecution(request);
    }

    /** @param request the call's {@code com.amazonaws.Request} */
    /**
     * The entry point for v1 releases before {@code RequestExecutor} (1.11.0 and the like), at the start of
     * {@code AmazonHttpClient.execute(request, responseHandler, errorHandler, executionContext)}.
     */
    public static void beforeLegacyExecute(Object httpClient, Object request, Object responseHandler,
                                           Object errorHandler, Object executionContext) {
        beforeExecution(request);
    }

    public static void beforeExecution(Object request) {
        if (!AirlockBridge.guarding()) {
            return;
        }
        String service = null;
        String signingName = null;
        String operation = null;
        String region = null;
        URI endpoint = null;
        AmazonWebServiceRequest original = null;
        try {
            Request<?> r = (Request<?>) request;
            original = r.getOriginalRequest();
            endpoint = r.getEndpoint();
            service = context(r, "SERVICE_ID");
            signingName = context(r, "SIGNING_NAME");
            operation = context(r, "OPERATION_NAME");
            region = context(r, "SIGNING_REGION");
            if (service == null) {
                service = serviceOf(r.getServiceName());
            }
            if (operation == null && original != null) {
                operation = operationOf(original.getClass().getSimpleName());
            }
        } catch (Throwable t) {
            // Whatever could be read is used; the guard fails closed on what it cannot classify.
        }
        V1Enforcer.enforceInstalled(service, signingName, operation, region, endpoint, original);
    }

    /** A handler context value; older v1 versions lack some keys, and then it is null. */
    private static String context(Request<?> r, String key) {
        try {
            Object value = switch (key) {
                case "SERVICE_ID" -> r.getHandlerContext(HandlerContextKey.SERVICE_ID);
                case "SIGNING_NAME" -> r.getHandlerContext(HandlerContextKey.SIGNING_NAME);
                case "OPERATION_NAME" -> r.getHandlerContext(HandlerContextKey.OPERATION_NAME);
                default -> r.getHandlerContext(HandlerContextKey.SIGNING_REGION);
            };
            return value == null ? null : value.toString();
        } catch (Throwable t) {
            return null;
        }
    }

    /** {@code Amazon S3} → {@code S3}, {@code AmazonDynamoDBv2} → {@code DynamoDBv2}. */
    static String serviceOf(String serviceName) {
        if (serviceName == null) {
            return null;
        }
        String s = serviceName.trim();
        for (String prefix : new String[] {"Amazon ", "AWS ", "Amazon", "AWS"}) {
            if (s.startsWith(prefix) && s.length() > prefix.length()) {
                return s.substring(prefix.length()).trim();
            }
        }
        return s;
    }

    /** {@code DeleteBucketRequest} → {@code DeleteBucket}. */
    static String operationOf(String requestClass) {
        return requestClass.endsWith("Request") && requestClass.length() > "Request".length()
                ? requestClass.substring(0, requestClass.length() - "Request".length()) : requestClass;
    }
}
