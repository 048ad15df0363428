package dev.airlock.agent.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in, on a loopback port, for an S3 that keeps what it is told (path style: buckets and their objects,
 * deleted by DELETE) and for the JSON and query services a signed request may name (answered {@code {}}). Records
 * every request as {@code METHOD /path [X-Amz-Target|form body]}, so a test can say what reached the server.
 */
final class ObjectStoreStand implements AutoCloseable {

    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, byte[]>> buckets = new ConcurrentHashMap<>();

    ObjectStoreStand() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void put(String bucket, String key, String content) {
        buckets.computeIfAbsent(bucket, b -> new ConcurrentHashMap<>()).put(key, content.getBytes(StandardCharsets.UTF_8));
    }

    void createBucket(String bucket) {
        buckets.computeIfAbsent(bucket, b -> new ConcurrentHashMap<>());
    }

    /** The keys a bucket holds now; null when the bucket is gone. */
    Set<String> keys(String bucket) {
        Map<String, byte[]> objects = buckets.get(bucket);
        return objects == null ? null : new TreeSet<>(objects.keySet());
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String note = target != null ? " " + target
                    : method.equals("POST") ? " " + new String(body, StandardCharsets.UTF_8) : "";
            requests.add(method + " " + path + note);
            String[] parts = path.substring(1).split("/", 2);
            String bucket = parts[0];
            String key = parts.length > 1 ? parts[1] : null;
            if (method.equals("POST")) {
                send(exchange, 200, "application/x-amz-json-1.0", "{}");
            } else if (method.equals("GET") && bucket.isEmpty()) {
                StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListAllMyBucketsResult"
                        + " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Owner><ID>o</ID></Owner><Buckets>");
                for (String name : new TreeMap<>(buckets).keySet()) {
                    xml.append("<Bucket><Name>").append(name).append("</Name></Bucket>");
                }
                send(exchange, 200, "application/xml", xml.append("</Buckets></ListAllMyBucketsResult>").toString());
            } else if (!buckets.containsKey(bucket)) {
                send(exchange, 404, "application/xml", "<Error><Code>NoSuchBucket</Code></Error>");
            } else if (method.equals("GET") && key != null && buckets.get(bucket).containsKey(key)) {
                send(exchange, 200, "text/plain", new String(buckets.get(bucket).get(key), StandardCharsets.UTF_8));
            } else if (method.equals("DELETE") && key == null) {
                buckets.remove(bucket);
                exchange.sendResponseHeaders(204, -1);
            } else if (method.equals("DELETE")) {
                buckets.get(bucket).remove(key);
                exchange.sendResponseHeaders(204, -1);
            } else {
                send(exchange, 404, "application/xml", "<Error><Code>NoSuchKey</Code></Error>");
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
