package dev.airlock.it.approval;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * What a guarded process could put between itself and the approval service: a stand-in on loopback that passes
 * everything to the real service, except the answers for the requests it chooses to rewrite.
 */
final class TamperingService implements AutoCloseable {

    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, UnaryOperator<String>> rewrites = new ConcurrentHashMap<>();

    TamperingService(String realUrl) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/", ex -> {
            try (InputStream in = ex.getRequestBody()) {
                byte[] body = in.readAllBytes();
                String path = ex.getRequestURI().getPath();
                HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(realUrl + ex.getRequestURI()));
                forward.method(ex.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
                forward.header("Content-Type", "application/json");
                HttpResponse<String> answer = http.send(forward.build(), HttpResponse.BodyHandlers.ofString());
                String text = answer.body();
                String id = path.startsWith("/api/requests/") ? path.substring("/api/requests/".length()) : "";
                if (ex.getRequestMethod().equals("GET") && rewrites.containsKey(id)) {
                    text = rewrites.get(id).apply(text);
                }
                byte[] out = text.getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(answer.statusCode(), out.length);
                try (OutputStream o = ex.getResponseBody()) {
                    o.write(out);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ex.sendResponseHeaders(502, -1);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on, the request {@code id} as the guarded process sees it is {@code rewrite} of the real one. */
    void rewrite(String id, UnaryOperator<String> rewrite) {
        rewrites.put(id, rewrite);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
