package dev.airlock.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalApprovalStoreTest extends ApprovalStoreContract {

    @TempDir
    Path dir;

    @Override
    protected ApprovalStore newStore() throws Exception {
        return ApprovalStore.localDirectory(dir);
    }

    @Test
    void reopenedItHoldsEveryRequestVoteAndUse() throws Exception {
        ApprovalRequest pending = request(2);
        ApprovalRequest used = request(1);
        store.submit(pending);
        store.vote(pending.id(), Vote.approve("ana"), signer);
        store.submit(used);
        String grant = store.vote(used.id(), Vote.approve("ben"), signer).grant().id();
        store.consume(used.id(), grant, "red-first-use");
        store.putApprover("ana", "h1");
        store.close();

        store = ApprovalStore.localDirectory(dir);
        assertThat(store.find(pending.id()).approvers()).containsExactly("ana");
        assertThat(store.find(used.id()).state()).isEqualTo(ApprovalRequest.State.USED);
        assertThat(store.consume(used.id(), grant, "red-second-use")).isFalse();
        // The use taken before the restart is still known by its redemption id.
        assertThat(store.consume(used.id(), grant, "red-first-use")).isTrue();
        assertThat(store.approverWithToken("h1")).isEqualTo("ana");
    }

    @Test
    void aTornLastLineIsDroppedAndTheRestKept() throws Exception {
        ApprovalRequest r = request(1);
        store.submit(r);
        store.close();
        Files.writeString(dir.resolve("approvals.jsonl"), "{\"request\":{\"id\":\"apr-", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        store = ApprovalStore.localDirectory(dir);
        assertThat(store.find(r.id())).isNotNull();
    }

    @Test
    void aSecondServiceOnTheSameDirectoryIsRefused() {
        assertThatThrownBy(() -> ApprovalStore.localDirectory(dir)).hasMessageContaining("already uses");
    }
}
