package dev.airlock.approval.internal;

import dev.airlock.approval.ApprovalException;
import dev.airlock.approval.ApprovalRequest;
import dev.airlock.approval.ApprovalStore;
import dev.airlock.approval.Vote;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Requests in this JVM's memory; every operation under one lock. */
public final class InMemoryApprovalStore implements ApprovalStore {

    private final Map<String, ApprovalRequest> requests = new LinkedHashMap<>();

    @Override
    public synchronized ApprovalRequest submit(ApprovalRequest request) {
        ApprovalRequest known = requests.get(request.id());
        if (known != null && !Votes.replaceable(known, System.currentTimeMillis())) {
            return known;
        }
        requests.put(request.id(), request);
        return request;
    }

    @Override
    public synchronized ApprovalRequest find(String id) {
        return requests.get(id);
    }

    @Override
    public synchronized ApprovalRequest vote(String id, Vote vote) throws ApprovalException {
        ApprovalRequest request = requests.get(id);
        if (request == null) {
            throw new ApprovalException("no approval request " + id);
        }
        ApprovalRequest next = Votes.apply(request, vote, System.currentTimeMillis());
        requests.put(id, next);
        return next;
    }

    @Override
    public synchronized boolean consume(String id) {
        ApprovalRequest request = requests.get(id);
        ApprovalRequest next = request == null ? null : Votes.consumed(request, System.currentTimeMillis());
        if (next == null) {
            return false;
        }
        requests.put(id, next);
        return true;
    }

    @Override
    public synchronized List<ApprovalRequest> pending() {
        long now = System.currentTimeMillis();
        List<ApprovalRequest> out = new ArrayList<>();
        for (ApprovalRequest r : requests.values()) {
            if (r.stateAt(now) == ApprovalRequest.State.PENDING) {
                out.add(r);
            }
        }
        out.sort(Comparator.comparingLong(ApprovalRequest::createdAt));
        return out;
    }
}
