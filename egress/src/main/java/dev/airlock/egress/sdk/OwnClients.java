package dev.airlock.egress.sdk;

import dev.airlock.config.AirlockConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Builds Airlock's own clients: the small URL-connection HTTP client, bounded calls, the region and endpoint of
 * Airlock's settings ({@code aws.region}, {@code aws.endpoint.*}) and a credentials source of Airlock's own.
 */
public final class OwnClients {

    /** Bounded so that an unreachable AWS never holds a decision for long. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    /**
     * The timer of the call timeouts. Daemon threads: the SDK's own would keep the host JVM alive for a minute
     * after its main thread ends, for clients that live as long as the JVM.
     */
    private static final ScheduledExecutorService TIMER = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "airlock-own-calls-timer");
        t.setDaemon(true);
        return t;
    });

    private OwnClients() {
    }

    public static SdkHttpClient http() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(3))
                .socketTimeout(Duration.ofSeconds(8))
                .build();
    }

    /**
     * Configures {@code builder} for Airlock's own use.
     *
     * @param endpointKey the {@code aws.endpoint.*} key that overrides this service's endpoint
     * @param credentials where the credentials come from
     */
    public static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
            B builder, AirlockConfig config, String endpointKey, AwsCredentialsProvider credentials,
            SdkHttpClient http) {
        String region = config.get(AirlockConfig.AWS_REGION);
        builder.region(Region.of(region == null ? "us-east-1" : region));
        String endpoint = config.get(endpointKey);
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        builder.credentialsProvider(credentials);
        builder.httpClient(http);
        builder.overrideConfiguration(ClientOverrideConfiguration.builder()
                .apiCallTimeout(CALL_TIMEOUT)
                .scheduledExecutorService(TIMER)
                .build());
        return builder;
    }

    /** Airlock's own credentials: the {@code aws.profile} profile when set, else the SDK's default chain. */
    public static AwsCredentialsProvider airlocksOwn(AirlockConfig config) {
        String profile = config.get(AirlockConfig.AWS_PROFILE);
        return profile == null ? toolsOwn() : ProfileCredentialsProvider.builder().profileName(profile).build();
    }

    /**
     * The broker's credentials: the {@code credentials.profile} (else {@code aws.profile}) profile, read from
     * {@code credentials.profile-file} when set. Never the default chain, which in broker mode is the tool's
     * read-only session.
     *
     * @throws IllegalStateException when no profile is configured
     */
    static AwsCredentialsProvider brokers(AirlockConfig config) {
        String profile = config.get(AirlockConfig.CREDENTIALS_PROFILE);
        if (profile == null) {
            profile = config.get(AirlockConfig.AWS_PROFILE);
        }
        if (profile == null) {
            throw new IllegalStateException("the credentials broker needs credentials of its own: set "
                    + AirlockConfig.CREDENTIALS_PROFILE + " to a profile the AI tool does not use");
        }
        String file = config.get(AirlockConfig.CREDENTIALS_PROFILE_FILE);
        ProfileCredentialsProvider.Builder b = ProfileCredentialsProvider.builder().profileName(profile);
        if (file != null) {
            b.profileFile(ProfileFile.builder().content(Path.of(file)).type(ProfileFile.Type.CREDENTIALS).build());
        }
        return b.build();
    }

    /** The credentials the tool's own SDK would find: its environment, system properties and profile. */
    static AwsCredentialsProvider toolsOwn() {
        return DefaultCredentialsProvider.builder().build();
    }
}
