package dev.airlock.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every approval store must do; each implementation runs it through a subclass. */
public abstract class ApprovalStoreContract {

    protected ApprovalStore store;
    protected GrantSigner signer;
    protected GrantVerifier verifier;

    /** A fresh, empty store. */
    protected abstract ApprovalStore newStore() throws Exception;

    @BeforeEach
    void open() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        signer = new GrantSigner(keys.getPrivate(), Duration.ofMinutes(15), 1);
        verifier = new GrantVerifier(keys.getPublic());
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    protected static ApprovalRequest request(int required) {
        String hex = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        long now = System.currentTimeMillis();
        return ApprovalRequest.pending("apr-" + hex, "sha256:" + hex + "0".repeat(48), "dynamodb:DeleteTable",
                List.of("arn:aws:dynamodb:us-east-1:123456789012:table/orders"), "would delete table orders",
                Map.of("items", 12L), new ApprovalRequest.Identity("robin", null, "tool", "host", 42), "default",
                required, now, now + 3_600_000, new ApprovalRequest.CallerContext(List.of("a.B.c(B.java:1)"),
                        List.of("dynamodb:ListTables -> PROCEED")));
    }

    @Test
    void aFiledRequestIsFoundAsFiledWithItsContext() throws Exception {
        ApprovalRequest r = request(2);
        store.submit(r);
        ApprovalRequest found = store.find(r.id());
        assertThat(found.fingerprint()).isEqualTo(r.fingerprint());
        assertThat(found.measures()).containsEntry("items", 12L);
        assertThat(found.context().frames()).containsExactly("a.B.c(B.java:1)");
        assertThat(store.pending()).extracting(ApprovalRequest::id).contains(r.id());
    }

    @Test
    void filingTheSameRequestAgainKeepsTheFirst() throws Exception {
        ApprovalRequest r = request(1);
        store.submit(r);
        store.vote(r.id(), Vote.approve("ana"), signer);
        ApprovalRequest again = store.submit(r);
        assertThat(again.state()).isEqualTo(ApprovalRequest.State.APPROVED);
    }

    @Test
    void twoDistinctApproversApproveAndTheGrantVerifies() throws Exception {
        ApprovalRequest r = request(2);
        store.submit(r);
        assertThat(store.vote(r.id(), Vote.approve("ana"), signer).state()).isEqualTo(ApprovalRequest.State.PENDING);
        ApprovalRequest approved = store.vote(r.id(), Vote.approve("ben"), signer);
        assertThat(approved.state()).isEqualTo(ApprovalRequest.State.APPROVED);
        assertThat(approved.grant().approvers()).containsExactly("ana", "ben");
        assertThat(verifier.refusal(store.find(r.id()).grant(), r.id(), r.fingerprint(), 2, r.requester(),
                System.currentTimeMillis())).isNull();
    }

    @Test
    void theSameApproverTwiceCountsOnce() throws Exception {
        ApprovalRequest r = request(2);
        store.submit(r);
        store.vote(r.id(), Vote.approve("ana"), signer);
        ApprovalRequest after = store.vote(r.id(), Vote.approve("ANA"), signer);
        assertThat(after.state()).isEqualTo(ApprovalRequest.State.PENDING);
        assertThat(after.approvers()).containsExactly("ana");
    }

    @Test
    void theRequesterNeverApproves() throws Exception {
        ApprovalRequest r = request(1);
        store.submit(r);
        assertThatThrownBy(() -> store.vote(r.id(), Vote.approve("robin"), signer))
                .hasMessageContaining("own request");
        assertThat(store.find(r.id()).state()).isEqualTo(ApprovalRequest.State.PENDING);
    }

    @Test
    void oneDenyEndsTheRequest() throws Exception {
        ApprovalRequest r = request(2);
        store.submit(r);
        store.vote(r.id(), Vote.approve("ana"), signer);
        store.vote(r.id(), Vote.deny("ben", "not during the freeze"), signer);
        assertThatThrownBy(() -> store.vote(r.id(), Vote.approve("cy"), signer)).hasMessageContaining("denied");
        assertThat(store.find(r.id()).reason()).isEqualTo("not during the freeze");
        assertThat(store.pending()).extracting(ApprovalRequest::id).doesNotContain(r.id());
    }

    @Test
    void aGrantIsConsumedOnceAndOnlyWithItsOwnId() throws Exception {
        ApprovalRequest r = request(1);
        store.submit(r);
        ApprovalRequest approved = store.vote(r.id(), Vote.approve("ana"), signer);
        assertThat(store.consume(r.id(), "grt-not-this-one", "red-one")).isFalse();
        assertThat(store.consume(r.id(), approved.grant().id(), "red-one")).isTrue();
        assertThat(store.consume(r.id(), approved.grant().id(), "red-two")).isFalse();
        assertThat(store.find(r.id()).state()).isEqualTo(ApprovalRequest.State.USED);
        // A used-up request gives way to a new one for the identical call.
        assertThat(store.submit(request(1).atVersion(1)).state()).isEqualTo(ApprovalRequest.State.PENDING);
        ApprovalRequest fresh = store.submit(new ApprovalRequest(r.id(), r.fingerprint(), r.action(), r.resources(),
                r.summary(), r.measures(), r.requester(), r.statement(), 1, List.of(), ApprovalRequest.State.PENDING,
                null, null, 1, System.currentTimeMillis(), System.currentTimeMillis() + 60_000, r.context(), null, List.of(),
                1));
        assertThat(fresh.state()).isEqualTo(ApprovalRequest.State.PENDING);
        assertThat(fresh.grant()).isNull();
    }

    @Test
    void theSameRedemptionAskedAgainKeepsItsUseAndTakesNoOther() throws Exception {
        ApprovalRequest r = request(1);
        store.submit(r);
        String grant = store.vote(r.id(), Vote.approve("ana"), signer).grant().id();
        assertThat(store.consume(r.id(), grant, "red-lost-answer")).isTrue();
        // The agent lost the answer and asks again: it has its use, and nobody else gets one.
        assertThat(store.consume(r.id(), grant, "red-lost-answer")).isTrue();
        assertThat(store.consume(r.id(), grant, "red-someone-else")).isFalse();
        assertThat(store.consume(r.id(), "grt-other", "red-lost-answer")).isFalse();
        ApprovalRequest after = store.find(r.id());
        assertThat(after.state()).isEqualTo(ApprovalRequest.State.USED);
        assertThat(after.usesLeft()).isZero();
        assertThat(after.redemptions()).containsExactly("red-lost-answer");
    }

    @Test
    void concurrentConsumersTakeExactlyOneUse() throws Exception {
        ApprovalRequest r = request(1);
        store.submit(r);
        String grant = store.vote(r.id(), Vote.approve("ana"), signer).grant().id();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger taken = new AtomicInteger();
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            all.add(pool.submit(() -> {
                if (store.consume(r.id(), grant, "red-" + UUID.randomUUID())) {
                    taken.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();
        assertThat(taken).hasValue(1);
    }

    @Test
    void concurrentVotesAreAllCounted() throws Exception {
        ApprovalRequest r = request(5);
        store.submit(r);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Future<?>> all = new ArrayList<>();
        for (String name : List.of("a1", "a2", "a3", "a4", "a5")) {
            all.add(pool.submit(() -> store.vote(r.id(), Vote.approve(name), signer)));
        }
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();
        ApprovalRequest done = store.find(r.id());
        assertThat(done.state()).isEqualTo(ApprovalRequest.State.APPROVED);
        assertThat(done.approvers()).containsExactlyInAnyOrder("a1", "a2", "a3", "a4", "a5");
    }

    @Test
    void approverTokensAreFoundByHashAndAReplacedOneNoLongerCounts() throws Exception {
        store.putApprover("ana", "hash-1");
        assertThat(store.approverWithToken("hash-1")).isEqualTo("ana");
        store.putApprover("ana", "hash-2");
        assertThat(store.approverWithToken("hash-1")).isNull();
        assertThat(store.approverWithToken("hash-2")).isEqualTo("ana");
        assertThat(store.approverWithToken("never-issued")).isNull();
    }
}
