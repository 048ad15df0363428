package dev.airlock.sdk.internal;

import dev.airlock.bridge.ProbeChannel;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.client.config.AwsClientOption;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.utils.builder.SdkBuilder;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.client.builder.SdkClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.SdkClientConfiguration;
import software.amazon.awssdk.core.client.config.SdkClientOption;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Read-only requests through a client made like the calling one: the same service, region, endpoint, credentials,
 * service configuration (path-style S3 and the like) and, when the caller is synchronous, its very HTTP client.
 * The client is built on first use, in the SDK's own class loader, and closed with the channel; it has none of
 * the caller's interceptors, and the engine marks the thread it runs on as Airlock's own.
 *
 * <p>Requests and responses are plain maps of the SDK's member names ({@code Bucket}, {@code KeyCount}), so the
 * engine, in its own class loader, never touches an SDK type.
 */
final class HostProbeChannel implements ProbeChannel {

    /** A probe that hangs must not hold a thread for long, whatever the engine's own bound. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final SdkClientConfiguration config;
    /** The request's class: its package and loader are worked out only if a probe runs, not on every read. */
    private final Class<?> requestType;
    private AutoCloseable client;
    private Class<?> clientType;

    /** @param requestType the class of the request being decided: its package names the service's */
    HostProbeChannel(SdkClientConfiguration config, Class<?> requestType) {
        this.config = config;
        this.requestType = requestType;
    }

    @Override
    public synchronized Map<String, Object> read(String operation, Map<String, Object> fields) throws Exception {
        Object client = client();
        Method call = operationMethod(operation);
        Object builder = call.getParameterTypes()[0].getMethod("builder").invoke(null);
        for (SdkField<?> field : ((SdkPojo) builder).sdkFields()) {
            Object value = fields.get(field.memberName());
            if (value != null) {
                field.set(builder, converted(value, field));
            }
        }
        // Through the public builder interface: the implementation classes are not accessible.
        Object request = ((SdkBuilder<?, ?>) builder).build();
        try {
            return RequestFields.ofPojo((SdkPojo) call.invoke(client, request));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AwsServiceException service && service.awsErrorDetails() != null) {
                // The service's error code is what a probe tells apart (DryRunOperation, NoSuchBucket...); the
                // engine sees no SDK type, so it travels in the message of a plain exception.
                throw new Exception(service.awsErrorDetails().errorCode() + ": " + service.getMessage(), service);
            }
            throw cause instanceof Exception ? (Exception) cause : e;
        }
    }

    /**
     * A plain value as the SDK member wants it: numbers of its own type, structures built from maps (a token such
     * as DynamoDB's {@code LastEvaluatedKey} goes back as the request's {@code ExclusiveStartKey}), lists and maps
     * element by element.
     */
    static Object converted(Object value, SdkField<?> field) {
        String type = field.marshallingType().toString();
        if (value instanceof Number n) {
            return switch (type) {
                case "INTEGER" -> n.intValue();
                case "LONG" -> n.longValue();
                case "DOUBLE" -> n.doubleValue();
                case "FLOAT" -> n.floatValue();
                case "SHORT" -> n.shortValue();
                case "STRING" -> n.toString();
                default -> value;
            };
        }
        if (value instanceof Map<?, ?> map && "SDK_POJO".equals(type)) {
            return pojo(map, field);
        }
        if (value instanceof Map<?, ?> map && "MAP".equals(type)) {
            MapTrait trait = field.getTrait(MapTrait.class);
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), trait == null || v == null ? v
                    : converted(v, trait.valueFieldInfo())));
            return out;
        }
        if (value instanceof List<?> list && "LIST".equals(type)) {
            ListTrait trait = field.getTrait(ListTrait.class);
            List<Object> out = new ArrayList<>(list.size());
            for (Object v : list) {
                out.add(trait == null || v == null ? v : converted(v, trait.memberFieldInfo()));
            }
            return out;
        }
        return value;
    }

    /**
     * The client's method for an API operation: named after it, whatever the SDK made of its request class's name
     * ({@code DescribeDBInstances} takes a {@code DescribeDbInstancesRequest}).
     */
    private Method operationMethod(String operation) throws ClassNotFoundException {
        for (Method m : clientType.getMethods()) {
            if (m.getName().equalsIgnoreCase(operation) && m.getParameterCount() == 1
                    && SdkRequest.class.isAssignableFrom(m.getParameterTypes()[0])) {
                return m;
            }
        }
        throw new ClassNotFoundException(clientType.getSimpleName() + " has no operation " + operation);
    }

    private static Object pojo(Map<?, ?> members, SdkField<?> field) {
        SdkPojo builder = field.constructor().get();
        for (SdkField<?> member : builder.sdkFields()) {
            Object v = members.get(member.memberName());
            if (v != null) {
                member.set(builder, converted(v, member));
            }
        }
        return ((SdkBuilder<?, ?>) builder).build();
    }

    private Object client() throws Exception {
        if (client == null) {
            String serviceName = config.option(SdkClientOption.SERVICE_NAME);
            String pkg = requestType.getPackageName();
            String servicePackage = pkg.endsWith(".model") ? pkg.substring(0, pkg.length() - ".model".length()) : pkg;
            clientType = type(servicePackage + "." + serviceName + "Client");
            Method builderMethod = clientType.getMethod("builder");
            Object builder = builderMethod.invoke(null);
            Region region = config.option(AwsClientOption.AWS_REGION);
            if (region != null) {
                ((AwsClientBuilder<?, ?>) builder).region(region);
            }
            if (Boolean.TRUE.equals(config.option(SdkClientOption.ENDPOINT_OVERRIDDEN))) {
                URI endpoint = config.option(SdkClientOption.ENDPOINT);
                ((SdkClientBuilder<?, ?>) builder).endpointOverride(endpoint);
            }
            sameCredentials((AwsClientBuilder<?, ?>) builder);
            Object serviceConfiguration = config.option(SdkClientOption.SERVICE_CONFIGURATION);
            if (serviceConfiguration != null) {
                // Looked up on the public builder interface: the implementation class is not accessible.
                for (Method m : builderMethod.getReturnType().getMethods()) {
                    if (m.getName().equals("serviceConfiguration") && m.getParameterCount() == 1
                            && m.getParameterTypes()[0].isInstance(serviceConfiguration)) {
                        m.invoke(builder, serviceConfiguration);
                        break;
                    }
                }
            }
            SdkHttpClient http = config.option(SdkClientOption.SYNC_HTTP_CLIENT);
            if (http != null) {
                // Not closed with the probe's client: a client given to a builder stays its owner's.
                ((SdkSyncClientBuilder<?, ?>) builder).httpClient(http);
            }
            ((SdkClientBuilder<?, ?>) builder).overrideConfiguration(
                    c -> c.apiCallTimeout(CALL_TIMEOUT).retryPolicy(r -> r.numRetries(0)));
            client = (AutoCloseable) ((SdkBuilder<?, ?>) builder).build();
        }
        return client;
    }

    private void sameCredentials(AwsClientBuilder<?, ?> builder) {
        try {
            var identity = config.option(AwsClientOption.CREDENTIALS_IDENTITY_PROVIDER);
            if (identity != null) {
                builder.credentialsProvider(identity);
                return;
            }
        } catch (LinkageError olderSdk) {
            // Before identity providers (about 2.20): the credentials provider below.
        }
        @SuppressWarnings("deprecation")
        AwsCredentialsProvider credentials = config.option(AwsClientOption.CREDENTIALS_PROVIDER);
        if (credentials != null) {
            builder.credentialsProvider(credentials);
        }
    }

    private Class<?> type(String name) throws ClassNotFoundException {
        return Class.forName(name, true, requestType.getClassLoader());
    }

    @Override
    public synchronized void close() {
        AutoCloseable c = client;
        client = null;
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                // Nothing of the host's is closed with it; a failure here leaves nothing behind worth reporting.
            }
        }
    }

}
