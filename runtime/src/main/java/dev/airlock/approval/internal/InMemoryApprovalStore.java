package dev.airlock.approval.internal;

import dev.airlock.approval.ApprovalRequest;
import dev.airlock.approval.ApprovalStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Requests in this JVM's memory; every operation under one lock. */
public class InMemoryApprovalStore implements ApprovalStore {

    protected final Map<String, ApprovalRequest> requests = new LinkedHashMap<>();
    protected final Map<String, String> approverByHash = new HashMap<>();
    protected final Map<String, String> hashByApprover = new HashMap<>();

    @Override
    public synchronized ApprovalRequest find(String id) {
        return requests.get(id);
    }

    @Override
    public synchronized ApprovalRequest create(ApprovalRequest request) throws dev.airlock.approval.ApprovalException {
        ApprovalRequest known = requests.get(request.id());
        if (known != null && !Votes.replaceable(known, System.currentTimeMillis())) {
            return known;
        }
        ApprovalRequest first = request.atVersion(known == null ? 1 : known.version() + 1);
        written(first);
        requests.put(first.id(), first);
        return first;
    }

    @Override
    public synchronized boolean replace(ApprovalRequest current, ApprovalRequest next)
            throws dev.airlock.approval.ApprovalException {
        ApprovalRequest known = requests.get(current.id());
        if (known == null || known.version() != current.version()) {
            return false;
        }
        ApprovalRequest stored = next.atVersion(current.version() + 1);
        written(stored);
        requests.put(stored.id(), stored);
        return true;
    }

    @Override
    public synchronized List<ApprovalRequest> all() {
        return new ArrayList<>(requests.values());
    }

    @Override
    public synchronized void putApprover(String name, String tokenHash) throws dev.airlock.approval.ApprovalException {
        approved(name, tokenHash);
        String old = hashByApprover.put(name, tokenHash);
        if (old != null) {
            approverByHash.remove(old);
        }
        approverByHash.put(tokenHash, name);
    }

    @Override
    public synchronized String approverWithToken(String tokenHash) {
        return approverByHash.get(tokenHash);
    }

    /** Called under the lock before a request version is kept; a durable store writes it out here. */
    protected void written(ApprovalRequest request) {
    }

    /** Called under the lock before an approver is kept. */
    protected void approved(String name, String tokenHash) {
    }
}
