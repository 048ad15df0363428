package dev.airlock.it.approval;

import dev.airlock.it.harness.BuildPaths;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code airlock serve} in its own process, as a user starts it, on a free loopback port. */
final class ApprovalService implements AutoCloseable {

    private final List<String> command;
    private final Path keyDir;
    private final int port;
    private Child process;

    private ApprovalService(List<String> command, Path keyDir, int port) {
        this.command = command;
        this.keyDir = keyDir;
        this.port = port;
    }

    /** The service on a local store in {@code dir}. */
    static ApprovalService local(Path dir, String... extra) throws Exception {
        return start(dir, List.of("--store", dir.resolve("store").toString()), extra);
    }

    /** The service on the DynamoDB table, through the endpoint; its keys in {@code dir}. */
    static ApprovalService dynamoDb(Path dir, String table, String endpoint, String... extra) throws Exception {
        return start(dir, List.of("--dynamodb", table, "--set", "aws.endpoint.dynamodb=" + endpoint,
                "--set", "aws.region=us-east-1", "--set", "audit.file=" + dir.resolve("serve-audit.jsonl")), extra);
    }

    private static ApprovalService start(Path dir, List<String> store, String... extra) throws Exception {
        int port = freePort();
        List<String> cmd = new ArrayList<>(List.of(java(), "-jar", BuildPaths.cliJar().toString(), "serve",
                "--port", String.valueOf(port), "--key-dir", dir.resolve("keys").toString(),
                "--audit", dir.resolve("audit.jsonl").toString()));
        cmd.addAll(store);
        cmd.addAll(List.of(extra));
        ApprovalService s = new ApprovalService(cmd, dir.resolve("keys"), port);
        s.restart();
        return s;
    }

    /** Starts it (again), and waits until it listens. */
    void restart() throws Exception {
        process = Child.start(command, Map.of(
                "AWS_ACCESS_KEY_ID", "airlocktest", "AWS_SECRET_ACCESS_KEY", "airlocktestsecret"));
        process.awaitPrefix("airlock serve: ", 1, Duration.ofSeconds(60));
    }

    void kill9() throws InterruptedException {
        process.kill9();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    Path publicKey() {
        return keyDir.resolve("signing.pub");
    }

    Path keyDir() {
        return keyDir;
    }

    String transcript() {
        return process.transcript();
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.close();
        }
    }
}
