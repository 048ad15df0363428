package dev.airlock.agent.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for S3 on a loopback port: answers ListBuckets with no buckets and DeleteBucket with 204, and
 * records every request it gets as {@code METHOD /path}.
 */
public final class S3Stand implements AutoCloseable {

    private static final byte[] NO_BUCKETS = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<ListAllMyBucketsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
            + "<Owner><ID>owner</ID><DisplayName>owner</DisplayName></Owner><Buckets></Buckets>"
            + "</ListAllMyBucketsResult>").getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    public S3Stand() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * The requests the program itself sent: without the blast-radius probes' reads of the bucket under decision
     * (GETs, sent while a DeleteBucket was held), which must never be anything but reads.
     */
    public List<String> sentByTheProgram() {
        List<String> all = requests();
        org.assertj.core.api.Assertions.assertThat(all).filteredOn(r -> r.contains("/doomed"))
                .allSatisfy(r -> org.assertj.core.api.Assertions.assertThat(r).startsWith("GET "));
        return all.stream().filter(r -> !r.startsWith("GET /doomed")).toList();
    }

    /** Every request so far, as {@code METHOD /path}. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            requests.add(method + " " + path);
            if (method.equals("GET") && path.equals("/")) {
                exchange.getResponseHeaders().add("Content-Type", "application/xml");
                exchange.sendResponseHeaders(200, NO_BUCKETS.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(NO_BUCKETS);
                }
            } else if (method.equals("DELETE")) {
                exchange.sendResponseHeaders(204, -1);
            } else {
                exchange.sendResponseHeaders(400, -1);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
