package dev.airlock.approval.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.airlock.approval.ApprovalDesk;
import dev.airlock.approval.ApprovalRequest;
import dev.airlock.approval.ApprovalStore;
import dev.airlock.approval.GrantSigner;
import dev.airlock.approval.Vote;
import dev.airlock.audit.AuditLog;
import dev.airlock.bridge.CallAnswer;
import dev.airlock.call.Requester;
import dev.airlock.config.AirlockConfig;
import dev.airlock.console.ApprovalServer;
import dev.airlock.console.ApprovalService;
import dev.airlock.console.Webhook;
import dev.airlock.engine.Engine;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The approval service takes the grant's use, and its answer never reaches the agent (a timeout, a dropped
 * connection). The agent asks again with the same redemption id and its call goes through: the approval is not
 * spent on a call that was never sent, and nobody gets a second use.
 */
class LostRedeemAnswerTest {

    private static final Requester ROBIN = new Requester("robin", "laptop", 4242, "tool", null);

    private ApprovalStore store;
    private GrantSigner signer;
    private ApprovalServer service;
    private HttpServer lossy;
    private final AtomicInteger consumesSeen = new AtomicInteger();
    private final AtomicInteger answersToDrop = new AtomicInteger(1);

    @BeforeEach
    void setUp() throws Exception {
        store = ApprovalStore.inMemory();
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        signer = new GrantSigner(key.getPrivate(), Duration.ofMinutes(15), 1);
        service = ApprovalServer.start(new ApprovalService(store, signer, key.getPublic(), AuditLog.discard(), 1,
                Webhook.none()), "unused", InetAddress.getLoopbackAddress(), 0);
        lossy = lossyProxyTo("http://127.0.0.1:" + service.port());
    }

    @AfterEach
    void tearDown() {
        lossy.stop(0);
        service.close();
    }

    /** Passes everything to the service; the answers to the first consumes are dropped after the service acted. */
    private HttpServer lossyProxyTo(String real) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpServer proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        proxy.createContext("/", ex -> {
            try (InputStream in = ex.getRequestBody()) {
                byte[] body = in.readAllBytes();
                HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(real + ex.getRequestURI()))
                        .method(ex.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body))
                        .header("Content-Type", "application/json");
                HttpResponse<byte[]> answer = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
                boolean consume = ex.getRequestURI().getPath().endsWith("/consume");
                if (consume) {
                    consumesSeen.incrementAndGet();
                }
                if (consume && answersToDrop.getAndDecrement() > 0) {
                    ex.close(); // the service has taken the use; the agent never hears so
                    return;
                }
                ex.sendResponseHeaders(answer.statusCode(), answer.body().length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(answer.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ex.close();
            }
        });
        proxy.start();
        return proxy;
    }

    private ApprovalDesk desk() {
        return new ServiceDesk("http://127.0.0.1:" + lossy.getAddress().getPort(), null);
    }

    private static CallAnswer deleteTable(Engine engine) {
        return engine.guard().decide("sdk", "DynamoDb", "dynamodb", "DeleteTable", "us-east-1", null,
                Map.of("TableName", "orders"), null);
    }

    @Test
    void theApprovedCallGoesThroughOnceWhenTheFirstAnswerIsLost() throws Exception {
        Engine engine = Engine.builder(AirlockConfig.of(Map.of())).requester(ROBIN).approvals(desk()).build();
        CallAnswer held = deleteTable(engine);
        assertThat(held.outcome()).isEqualTo(CallAnswer.HOLD);
        store.vote(held.approvalId(), Vote.approve("ana"), signer);

        assertThat(deleteTable(engine).proceeds()).isTrue();

        assertThat(consumesSeen).hasValue(2);
        ApprovalRequest after = store.find(held.approvalId());
        assertThat(after.state()).isEqualTo(ApprovalRequest.State.USED);
        assertThat(after.redemptions()).hasSize(1);
        // The identical call once more is a new request, not a second use of the grant.
        assertThat(deleteTable(engine).proceeds()).isFalse();
    }

    @Test
    void anotherRedemptionFindsTheGrantSpent() throws Exception {
        ApprovalRequest r = store.submit(ApprovalRequest.pending("apr-00000000000000aa", "f".repeat(64),
                "dynamodb:DeleteTable", java.util.List.of("arn:aws:dynamodb:us-east-1:*:table/orders"), "one table",
                Map.of(), new ApprovalRequest.Identity("robin", null, "tool", "laptop", 1), "s", 1,
                System.currentTimeMillis(), System.currentTimeMillis() + 60_000, null));
        String grant = store.vote(r.id(), Vote.approve("ana"), signer).grant().id();
        ApprovalDesk desk = desk();
        assertThat(desk.redeem(r.id(), grant, "red-first-agent")).isTrue();
        assertThat(desk.redeem(r.id(), grant, "red-second-agent")).isFalse();
        answersToDrop.set(2); // both the answer and its repeat are lost: the desk gives up with an error
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> desk.redeem(r.id(), grant, "red-third-agent"))
                .hasMessageContaining("not reachable");
    }
}
