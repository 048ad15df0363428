package dev.airlock.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When the audit writer sends its head, driven with a clock of its own. */
class HeadWitnessClientTest {

    HttpServer service;
    final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void witness() throws IOException {
        service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        service.createContext("/api/anchors", ex -> {
            received.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] ok = "{}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, ok.length);
            ex.getResponseBody().write(ok);
            ex.close();
        });
        service.start();
    }

    @AfterEach
    void stop() {
        service.stop(0);
    }

    static ChainLink head(long seq) {
        return new ChainLink(seq, "%064x".formatted(seq));
    }

    @Test
    void theFirstHeadEachApprovalEventAndAtLeastEveryMinuteAreSent() throws Exception {
        HeadWitnessClient client = new HeadWitnessClient("http://127.0.0.1:" + service.getAddress().getPort(),
                () -> "host:/audit.jsonl");

        client.tick(null, false, 1_000);
        assertThat(received).as("nothing written yet").isEmpty();
        client.tick(head(1), false, 1_000);
        awaitReceived(client, 1);
        assertThat(received.get(0)).contains("\"chainId\":\"host:/audit.jsonl\"", "\"seq\":1",
                "\"headHash\":\"" + head(1).hash() + "\"");

        client.tick(head(2), false, 2_000);
        client.tick(head(3), false, 30_000);
        client.tick(head(4), true, 31_000);
        awaitReceived(client, 2);
        assertThat(received.get(1)).as("the approval event's head").contains("\"seq\":4");

        client.tick(head(5), false, 31_000 + HeadWitnessClient.PERIOD_MILLIS - 1);
        client.tick(head(6), false, 31_000 + HeadWitnessClient.PERIOD_MILLIS);
        awaitReceived(client, 3);
        assertThat(received.get(2)).as("a minute after the last one").contains("\"seq\":6");

        client.tick(head(6), false, 31_000 + 5 * HeadWitnessClient.PERIOD_MILLIS);
        client.close(head(7));
        assertThat(received).hasSize(4);
        assertThat(received.get(3)).as("the last head, at close").contains("\"seq\":7");
    }

    @Test
    void aServiceThatIsDownNeverThrowsAndIsTriedAgainAtTheNextEvent() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        HeadWitnessClient down = new HeadWitnessClient("http://127.0.0.1:" + closedPort, () -> "host:/audit.jsonl");
        java.io.PrintStream realErr = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            down.tick(head(1), true, 1_000);
            awaitIdle(down);
            down.tick(head(2), true, 2_000);
            awaitIdle(down);
            down.close(head(3));
        } finally {
            System.setErr(realErr);
        }
        assertThat(received).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8).lines())
                .as("said once, however often it is tried").singleElement().asString()
                .contains("[airlock] WARNING", "127.0.0.1:" + closedPort, "calls go on as before");
    }

    private static void awaitIdle(HeadWitnessClient client) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (client.busy() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    /** Until the service holds {@code n} heads and the client has its answer, so the next tick finds it idle. */
    private void awaitReceived(HeadWitnessClient client, int n) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while ((received.size() < n || client.busy()) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(received).hasSize(n);
    }
}
