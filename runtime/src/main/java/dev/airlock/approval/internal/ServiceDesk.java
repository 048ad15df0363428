package dev.airlock.approval.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.approval.ApprovalDesk;
import dev.airlock.approval.ApprovalException;
import dev.airlock.approval.ApprovalJson;
import dev.airlock.approval.ApprovalRequest;
import dev.airlock.approval.GrantVerifier;
import dev.airlock.approval.ServiceKey;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The approval service over HTTP, from the guarded JVM. Short timeouts: a service that is down or slow fails the
 * call closed at once, and the next call tries again, so the agent recovers without a restart. The public key is
 * the {@code approval.public-key} file, or else fetched from the service once and pinned for this JVM's life.
 */
public final class ServiceDesk implements ApprovalDesk {

    private static final Duration CONNECT = Duration.ofSeconds(2);
    private static final Duration ANSWER = Duration.ofSeconds(10);

    private final URI base;
    private final String keyFile;
    private final HttpClient http;
    private volatile GrantVerifier verifier;

    public ServiceDesk(String url, String keyFile) {
        this.base = URI.create(url.endsWith("/") ? url : url + "/");
        this.keyFile = keyFile;
        // Its own small executor, never a thread of the host's pools.
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public String where() {
        return base.toString();
    }

    @Override
    public ApprovalRequest file(ApprovalRequest request) throws ApprovalException {
        String body = send(HttpRequest.newBuilder(base.resolve("api/requests"))
                .POST(HttpRequest.BodyPublishers.ofString(ApprovalJson.write(request)))
                .header("Content-Type", "application/json"), 200);
        return ApprovalJson.request(body);
    }

    @Override
    public ApprovalRequest status(String id) throws ApprovalException {
        HttpResponse<String> r = exchange(HttpRequest.newBuilder(base.resolve("api/requests/" + encode(id))).GET());
        if (r.statusCode() == 404) {
            return null;
        }
        return ApprovalJson.request(check(r, 200));
    }

    /**
     * Asked once more when the answer is lost (a timeout, a dropped connection): the service may have taken the use
     * already, and the same redemption id then gets it back instead of finding the grant spent.
     */
    @Override
    public boolean redeem(String id, String grantId, String redemption) throws ApprovalException {
        ObjectNode ask = ApprovalJson.object();
        ask.put("grant", grantId);
        ask.put("redemption", redemption);
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("api/requests/" + encode(id) + "/consume"))
                .POST(HttpRequest.BodyPublishers.ofString(ask.toString()))
                .header("Content-Type", "application/json");
        HttpResponse<String> answer;
        try {
            answer = exchange(request);
        } catch (ApprovalException lost) {
            if (!(lost.getCause() instanceof IOException)) {
                throw lost;
            }
            answer = exchange(request);
        }
        return ApprovalJson.tree(check(answer, 200)).path("consumed").asBoolean(false);
    }

    @Override
    public GrantVerifier verifier() throws ApprovalException {
        GrantVerifier v = verifier;
        if (v == null) {
            synchronized (this) {
                v = verifier;
                if (v == null) {
                    v = new GrantVerifier(loadKey());
                    verifier = v;
                }
            }
        }
        return v;
    }

    private java.security.PublicKey loadKey() throws ApprovalException {
        try {
            if (keyFile != null) {
                return ServiceKey.readPublic(Path.of(keyFile));
            }
            return ServiceKey.parsePublic(send(HttpRequest.newBuilder(base.resolve("api/key")).GET(), 200));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new ApprovalException("the approval service's public key "
                    + (keyFile != null ? "in " + keyFile : "from " + base) + " cannot be read: " + e.getMessage(), e);
        }
    }

    private String send(HttpRequest.Builder request, int expected) throws ApprovalException {
        return check(exchange(request), expected);
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request) throws ApprovalException {
        try {
            return http.send(request.timeout(ANSWER).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ApprovalException("the approval service at " + base + " is not reachable (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApprovalException("interrupted while asking the approval service at " + base, e);
        }
    }

    private String check(HttpResponse<String> r, int expected) throws ApprovalException {
        if (r.statusCode() != expected) {
            String error = r.body();
            try {
                error = ApprovalJson.tree(r.body()).path("error").asText(r.body());
            } catch (ApprovalException e) {
                // not JSON: keep the body as it is
            }
            throw new ApprovalException("the approval service at " + base + " answered " + r.statusCode() + ": "
                    + error);
        }
        return r.body();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
