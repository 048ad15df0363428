package dev.airlock.audit.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the audit chain's head to the approval service to be countersigned ({@code POST /api/anchors}): at each
 * approval event, at least every {@value #PERIOD_MILLIS} ms while records are written, and once more at close.
 *
 * <p>Driven by the audit writer's thread only, and never blocking it: each head goes out asynchronously on the
 * HTTP client's own threads, the same {@code java.net.http} client the approval desk uses. A service that is down
 * is said once on stderr and tried again at the next approval event or period; no call ever waits for it.
 */
final class HeadWitnessClient {

    static final long PERIOD_MILLIS = 60_000;
    private static final Duration CONNECT = Duration.ofSeconds(2);
    private static final Duration ANSWER = Duration.ofSeconds(5);
    private static final long CLOSE_WAIT_MILLIS = 2_000;

    private final URI endpoint;
    private final Supplier<String> chainId;

    // Writer thread only.
    private HttpClient http;
    private String chain;
    private long lastAttemptAt;
    private boolean eventPending;
    private CompletableFuture<?> inFlight;

    // Written by the HTTP client's threads.
    private volatile ChainLink countersigned;
    private volatile boolean failing;

    /**
     * @param serviceUrl the approval service, as {@code approval.url} names it
     * @param chainId the chain's id, asked for on the writer's thread (it looks up the host name)
     */
    HeadWitnessClient(String serviceUrl, Supplier<String> chainId) {
        this.endpoint = URI.create(serviceUrl.endsWith("/") ? serviceUrl : serviceUrl + "/").resolve("api/anchors");
        this.chainId = chainId;
    }

    /**
     * Called by the writer after each batch.
     *
     * @param head where the chain ends after this process's last write; null before the first
     * @param approvalEvent whether the batch held a record of an approval step (a request, a grant used...)
     */
    void tick(ChainLink head, boolean approvalEvent, long now) {
        eventPending |= approvalEvent;
        if (head == null || head.equals(countersigned) || busy()) {
            return;
        }
        if (eventPending || lastAttemptAt == 0 || now - lastAttemptAt >= PERIOD_MILLIS) {
            eventPending = false;
            lastAttemptAt = now;
            inFlight = send(head);
        }
    }

    /** Whether a head is on its way to the service (then ticks only take note of events). */
    boolean busy() {
        return inFlight != null && !inFlight.isDone();
    }

    /**
     * The last head, sent before the writer stops; waits {@link #CLOSE_WAIT_MILLIS} at the most in all, as the JVM
     * is on its way out.
     */
    void close(ChainLink head) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MILLIS);
        await(inFlight, deadline);
        if (head != null && !head.equals(countersigned) && System.nanoTime() < deadline) {
            await(send(head), deadline);
        }
    }

    private static void await(CompletableFuture<?> answer, long deadline) {
        if (answer == null) {
            return;
        }
        try {
            answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception late) {
            // The anchors stop at the last head the service answered; verify says how far they reach.
        }
    }

    private CompletableFuture<?> send(ChainLink head) {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(CONNECT).followRedirects(HttpClient.Redirect.NEVER).build();
            chain = chainId.get();
        }
        String body = "{\"chainId\":" + jsonString(chain) + ",\"seq\":" + head.seq() + ",\"headHash\":\"" + head.hash()
                + "\"}";
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(ANSWER)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
            if (e == null && r.statusCode() == 200) {
                countersigned = head;
                if (failing) {
                    failing = false;
                    Log.LOG.info("Airlock's audit head is countersigned by the approval service at {} again",
                            endpoint);
                }
            } else if (!failing) {
                failing = true;
                // Once, on stderr: inside the agent Airlock's own logging goes nowhere, and this needs a human.
                System.err.println("[airlock] WARNING: the approval service at " + endpoint + " could not "
                        + "countersign the audit head (" + (e != null ? e.toString() : "it answered " + r.statusCode())
                        + "); calls go on as before, and Airlock tries again at the next approval event or within "
                        + "a minute");
            }
        });
    }

    private static String jsonString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** Created on first use: a process with nothing to report never touches logging. */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(HeadWitnessClient.class);
    }
}
