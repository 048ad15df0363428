package dev.airlock.credentials.internal;

import dev.airlock.credentials.CredentialsException;
import dev.airlock.credentials.SessionCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The floor under what Airlock does not see: this JVM's default credentials and every child's {@code AWS_*}
 * environment become the shared read-only session, kept fresh before it expires. The SDKs' default chains read
 * system properties first (v2) or right after the environment (v1), so an unhooked or shaded SDK and a
 * hand-signed request in this JVM sign with the read-only session; a child reads it from its environment, and
 * its profile and shared credentials file point at a file that holds only that session.
 */
final class ReadOnlyFloor implements AutoCloseable {

    static final String PROFILE = "airlock-read-only";
    private static final Duration RETRY = Duration.ofSeconds(30);
    /** Renewed this long before it expires: inside the cache's reuse margin, so the renewal is a new session. */
    private static final Duration RENEW_BEFORE = Duration.ofSeconds(45);

    private final BrokeredCredentials broker;
    private final String region;
    private final ScheduledExecutorService timer;
    private volatile Map<String, String> childEnvironment = Map.of();
    private Path directory;

    ReadOnlyFloor(BrokeredCredentials broker, String region) {
        this.broker = broker;
        this.region = region;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "airlock-read-only-floor");
            t.setDaemon(true);
            return t;
        });
    }

    /** The first session now, so that the tool's first call already finds it; renewals on a timer. */
    void start() {
        renew();
    }

    Map<String, String> childEnvironment() {
        return childEnvironment;
    }

    private void renew() {
        Duration next;
        try {
            SessionCredentials s = broker.readSession();
            install(s);
            next = s.expiration() == null ? Duration.ofMinutes(10)
                    : Duration.between(Instant.now(), s.expiration()).minus(RENEW_BEFORE);
            if (next.compareTo(Duration.ofSeconds(5)) < 0) {
                next = Duration.ofSeconds(5);
            }
        } catch (CredentialsException | RuntimeException | IOException e) {
            System.err.println("[airlock] WARN: the read-only session for this JVM's default credentials and its "
                    + "children could not be had (" + e.getMessage() + "); retrying in " + RETRY.toSeconds() + " s");
            next = RETRY;
        }
        try {
            timer.schedule(this::renew, next.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException closed) {
            // Closed with the engine: no more renewals.
        }
    }

    private void install(SessionCredentials s) throws IOException {
        // SDK v2 reads aws.accessKeyId / aws.secretAccessKey / aws.sessionToken; v1 reads aws.secretKey.
        System.setProperty("aws.accessKeyId", s.accessKeyId());
        System.setProperty("aws.secretAccessKey", s.secretAccessKey());
        System.setProperty("aws.secretKey", s.secretAccessKey());
        if (s.sessionToken() != null) {
            System.setProperty("aws.sessionToken", s.sessionToken());
        }
        Path dir = directory();
        StringBuilder file = new StringBuilder("[" + PROFILE + "]\n")
                .append("aws_access_key_id = ").append(s.accessKeyId()).append('\n')
                .append("aws_secret_access_key = ").append(s.secretAccessKey()).append('\n');
        if (s.sessionToken() != null) {
            file.append("aws_session_token = ").append(s.sessionToken()).append('\n');
        }
        Path credentials = dir.resolve("credentials");
        Path config = dir.resolve("config");
        writeQuietly(credentials, file.toString());
        writeQuietly(config, "[profile " + PROFILE + "]\n" + (region == null ? "" : "region = " + region + "\n"));
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ACCESS_KEY_ID", s.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", s.secretAccessKey());
        env.put("AWS_SESSION_TOKEN", s.sessionToken() == null ? "" : s.sessionToken());
        env.put("AWS_SECURITY_TOKEN", s.sessionToken() == null ? "" : s.sessionToken());
        if (s.expiration() != null) {
            env.put("AWS_CREDENTIAL_EXPIRATION", s.expiration().toString());
        }
        env.put("AWS_PROFILE", PROFILE);
        env.put("AWS_DEFAULT_PROFILE", PROFILE);
        env.put("AWS_SHARED_CREDENTIALS_FILE", credentials.toString());
        env.put("AWS_CONFIG_FILE", config.toString());
        childEnvironment = Map.copyOf(env);
    }

    private synchronized Path directory() throws IOException {
        if (directory == null) {
            try {
                directory = Files.createTempDirectory("airlock-floor-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException notPosix) {
                directory = Files.createTempDirectory("airlock-floor-");
            }
            directory.toFile().deleteOnExit();
        }
        return directory;
    }

    /** Replaced whole, so that a child never reads half a file. */
    private static void writeQuietly(Path target, String text) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "new-", ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        target.toFile().deleteOnExit();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
