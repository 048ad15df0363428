package dev.airlock.approval.internal;

import dev.airlock.approval.ApprovalException;
import dev.airlock.approval.ApprovalRequest;
import dev.airlock.approval.ApprovalRequest.State;
import dev.airlock.approval.Vote;
import java.util.ArrayList;
import java.util.List;

/**
 * The two-person rule, in one place for every store: what a vote does to a request. A store applies it under
 * its own atomicity (a compare-and-set on the version) and keeps the result.
 */
public final class Votes {

    private Votes() {
    }

    /**
     * @return the request after {@code vote}; the same instance when the approver had already approved
     * @throws ApprovalException when the vote is refused, with the reason
     */
    public static ApprovalRequest apply(ApprovalRequest request, Vote vote, long now) throws ApprovalException {
        State state = request.stateAt(now);
        if (state != State.PENDING) {
            throw new ApprovalException("request " + request.id() + " is " + state.name().toLowerCase()
                    + " and takes no more votes");
        }
        if (request.requester().isNamedBy(vote.approver())) {
            throw new ApprovalException(vote.approver() + " asked for " + request.id()
                    + " and can never approve or deny their own request");
        }
        if (!vote.approve()) {
            if (vote.reason() == null || vote.reason().isBlank()) {
                throw new ApprovalException("a deny needs a reason");
            }
            return request.with(State.DENIED, request.approvers(), vote.approver(), vote.reason(), 0);
        }
        for (String a : request.approvers()) {
            if (a.equalsIgnoreCase(vote.approver())) {
                return request;
            }
        }
        List<String> approvers = new ArrayList<>(request.approvers());
        approvers.add(vote.approver());
        State next = approvers.size() >= request.required() ? State.APPROVED : State.PENDING;
        return request.with(next, approvers, null, null, request.usesLeft());
    }

    /** True when a new request with the same id may take this one's place: it is used up or expired. */
    public static boolean replaceable(ApprovalRequest known, long now) {
        State s = known.stateAt(now);
        return s == State.USED || s == State.EXPIRED;
    }

    /**
     * The request after {@code redemption} takes one use, the request as it is when that redemption already took
     * its use (the agent asks again after losing the answer), or null when none can be taken now.
     */
    public static ApprovalRequest consumed(ApprovalRequest request, String redemption, long now) {
        if (request.redemptions().contains(redemption)) {
            return request.grant() != null && now < request.grant().expiresAt() ? request : null;
        }
        if (request.stateAt(now) != State.APPROVED || request.usesLeft() < 1) {
            return null;
        }
        return request.redeemedBy(redemption);
    }
}
