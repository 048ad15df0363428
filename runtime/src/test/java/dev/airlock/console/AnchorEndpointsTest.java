package dev.airlock.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.approval.ApprovalStore;
import dev.airlock.approval.GrantSigner;
import dev.airlock.approval.ServiceKey;
import dev.airlock.audit.AnchorBook;
import dev.airlock.audit.AuditAnchor;
import dev.airlock.audit.AuditLog;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/anchors}: what an audit writer and a verifier see of the service as a witness. */
class AnchorEndpointsTest {

    static final String CHAIN = "build-7:/home/ada/.airlock/audit.jsonl";
    static final String HASH = "ab".repeat(32);

    @TempDir
    Path dir;
    KeyPair keys;
    ApprovalService service;
    ApprovalServer server;
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() throws Exception {
        keys = ServiceKey.loadOrCreate(dir.resolve("keys"));
        service = new ApprovalService(ApprovalStore.inMemory(), new GrantSigner(keys.getPrivate(),
                Duration.ofMinutes(15), 1), keys.getPublic(), AuditLog.discard(), 1, Webhook.none());
        server = ApprovalServer.start(service, new AnchorWitness(keys.getPrivate(), AnchorBook.inMemory()), "none",
                InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aHeadIsSignedWithTheKeyTheServicePublishesAndServedBack() throws Exception {
        HttpResponse<String> signed = post("{\"chainId\":\"" + CHAIN + "\",\"seq\":41,\"headHash\":\"" + HASH + "\"}");
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);

        var published = ServiceKey.parsePublic(get("/api/key").body());
        JsonNode listed = json.readTree(get("/api/anchors?chain=" + URLEncoder.encode(CHAIN, StandardCharsets.UTF_8))
                .body());
        assertThat(listed.path("chainId").asText()).isEqualTo(CHAIN);
        assertThat(listed.path("anchors")).hasSize(1);
        JsonNode a = listed.path("anchors").get(0);
        AuditAnchor.Anchor anchor = new AuditAnchor.Anchor(a.path("seq").asLong(), a.path("headHash").asText(),
                a.path("epochMillis").asLong(), a.path("signature").asText());
        assertThat(anchor.seq()).isEqualTo(41);
        assertThat(anchor.headHash()).isEqualTo(HASH);
        assertThat(anchor.signedBy(published, CHAIN)).isTrue();
        assertThat(anchor.signedBy(published, "another-host:/home/ada/.airlock/audit.jsonl"))
                .as("an anchor belongs to its chain only").isFalse();
        assertThat(new AuditAnchor.Anchor(41, "cd".repeat(32), anchor.epochMillis(), anchor.signature())
                .signedBy(published, CHAIN)).as("another hash under the same signature").isFalse();
    }

    @Test
    void aChainNeverAnchoredHasAnEmptyList() throws Exception {
        HttpResponse<String> r = get("/api/anchors?chain=" + URLEncoder.encode("x:/nowhere", StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json.readTree(r.body()).path("anchors")).isEmpty();
    }

    @Test
    void whatIsNotAnAuditHeadIsRefusedWithTheReason() throws Exception {
        assertRefused(post("{\"chainId\":\"" + CHAIN + "\",\"seq\":1,\"headHash\":\"not-a-hash\"}"),
                "not an audit head");
        assertRefused(post("{\"seq\":1,\"headHash\":\"" + HASH + "\"}"), "not an audit chain id");
        assertRefused(post("{\"chainId\":\"" + CHAIN + "\",\"seq\":\"one\",\"headHash\":\"" + HASH + "\"}"),
                "numeric seq");
        assertRefused(post("{\"chainId\":\"" + CHAIN + "\",\"seq\":-1,\"headHash\":\"" + HASH + "\"}"),
                "not an audit head");
        assertRefused(get("/api/anchors"), "not an audit chain id");
    }

    @Test
    void aServiceStartedWithoutAWitnessSaysSo() throws Exception {
        server.close();
        server = ApprovalServer.start(service, "none", InetAddress.getLoopbackAddress(), 0);
        HttpResponse<String> r = post("{\"chainId\":\"" + CHAIN + "\",\"seq\":1,\"headHash\":\"" + HASH + "\"}");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("keeps no audit anchors");
    }

    private void assertRefused(HttpResponse<String> r, String why) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains(why);
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/anchors")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
