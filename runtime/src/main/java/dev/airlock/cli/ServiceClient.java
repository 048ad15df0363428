package dev.airlock.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The CLI's way to a running approval service: {@code --service URL} or {@code AIRLOCK_APPROVAL_URL}. */
final class ServiceClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private ServiceClient(URI base) {
        this.base = base;
    }

    static ServiceClient of(String service) {
        String url = service != null ? service : System.getenv("AIRLOCK_APPROVAL_URL");
        if (url == null || url.isBlank()) {
            url = "http://127.0.0.1:" + ServeCommand.DEFAULT_PORT;
        }
        return new ServiceClient(URI.create(url.endsWith("/") ? url : url + "/"));
    }

    static String approverToken() {
        String token = System.getenv("AIRLOCK_APPROVER_TOKEN");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("set AIRLOCK_APPROVER_TOKEN to the token `airlock approvers add` "
                    + "gave you");
        }
        return token.trim();
    }

    JsonNode get(String path, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), token);
    }

    JsonNode post(String path, String token, JsonNode body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "{}" : body.toString())), token);
    }

    static String id(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    static ObjectMapper json() {
        return JSON;
    }

    private JsonNode send(HttpRequest.Builder request, String token) throws IOException, InterruptedException {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r;
        try {
            r = http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IOException("the approval service at " + base + " is not reachable (" + e + "); is `airlock "
                    + "serve` running? (--service URL or AIRLOCK_APPROVAL_URL)", e);
        }
        JsonNode body;
        try {
            body = JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IOException("the approval service at " + base + " answered " + r.statusCode() + ": " + r.body());
        }
        if (r.statusCode() != 200) {
            throw new ServiceRefusal(body.path("error").asText(r.body()));
        }
        return body;
    }

    /** The service refused: a vote it did not count, a token it does not know. */
    static final class ServiceRefusal extends IOException {
        private static final long serialVersionUID = 1L;

        ServiceRefusal(String message) {
            super(message);
        }
    }
}
