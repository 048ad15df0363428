package dev.airlock.sdk.internal;

import dev.airlock.bridge.ProbeChannel;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.config.AwsClientOption;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.client.builder.SdkClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.SdkClientConfiguration;
import software.amazon.awssdk.core.client.config.SdkClientOption;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.utils.builder.SdkBuilder;

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
    private final String servicePackage;
    private final ClassLoader loader;
    private AutoCloseable client;
    private Class<?> clientType;

    /** @param requestType the class of the request being decided: its package names the service's */
    HostProbeChannel(SdkClientConfiguration config, Class<?> requestType) {
        this.config = config;
        String pkg = requestType.getPackageName();
        this.servicePackage = pkg.endsWith(".model") ? pkg.substring(0, pkg.length() - ".model".length()) : pkg;
        this.loader = requestType.getClassLoader();
    }

    @Override
    public synchronized Map<String, Object> read(String operation, Map<String, Object> fields) throws Exception {
        Class<?> requestType = type(servicePackage + ".model." + operation + "Request");
        Object builder = requestType.getMethod("builder").invoke(null);
        for (SdkField<?> field : ((SdkPojo) builder).sdkFields()) {
            Object value = fields.get(field.memberName());
            if (value != null) {
                field.set(builder, converted(value, field));
            }
        }
        Object request = ((SdkBuilder<?, ?>) builder).build();
        Object client = client();
        Method call = clientType.getMethod(Character.toLowerCase(operation.charAt(0)) + operation.substring(1),
                requestType);
        try {
            return RequestFields.ofPojo((SdkPojo) call.invoke(client, request));
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        }
    }

    /** Numbers arrive as whatever the engine had; the SDK member wants its own type. */
    private static Object converted(Object value, SdkField<?> field) {
        if (!(value instanceof Number)) {
            return value;
        }
        Number n = (Number) value;
        return switch (field.marshallingType().toString()) {
            case "INTEGER" -> n.intValue();
            case "LONG" -> n.longValue();
            case "DOUBLE" -> n.doubleValue();
            case "FLOAT" -> n.floatValue();
            case "SHORT" -> n.shortValue();
            default -> value;
        };
    }

    private Object client() throws Exception {
        if (client == null) {
            String serviceName = config.option(SdkClientOption.SERVICE_NAME);
            clientType = type(servicePackage + "." + serviceName + "Client");
            Object builder = clientType.getMethod("builder").invoke(null);
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
                for (Method m : clientType.getMethod("builder").getReturnType().getMethods()) {
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
        return Class.forName(name, true, loader);
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
