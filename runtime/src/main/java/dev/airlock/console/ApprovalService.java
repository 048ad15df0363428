package dev.airlock.console;

import dev.airlock.approval.ApprovalException;
import dev.airlock.approval.ApprovalRequest;
import dev.airlock.approval.ApprovalStore;
import dev.airlock.approval.GrantSigner;
import dev.airlock.approval.Vote;
import dev.airlock.audit.AuditLog;
import dev.airlock.audit.AuditRecord;
import dev.airlock.call.Classification;
import dev.airlock.console.internal.Tokens;
import java.security.PublicKey;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the approval service does, whatever surface asks (the HTTP API, the console): files requests from agents,
 * authenticates approvers by token, records their votes, signs the grant when a request is approved, and takes
 * single uses. Every step goes to the audit chain. Runs only in {@code airlock serve}, never in a guarded JVM.
 */
public final class ApprovalService {

    private static final Pattern ID = Pattern.compile("apr-[0-9a-f]{16}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    private final ApprovalStore store;
    private final GrantSigner signer;
    private final PublicKey publicKey;
    private final AuditLog audit;
    private final int minimumApprovers;
    private final Webhook webhook;

    /**
     * @param minimumApprovers the fewest approvers any request needs here, whatever the agent asked for
     * @param webhook told of each new request; may be {@link Webhook#none()}
     */
    public ApprovalService(ApprovalStore store, GrantSigner signer, PublicKey publicKey, AuditLog audit,
                           int minimumApprovers, Webhook webhook) {
        this.store = store;
        this.signer = signer;
        this.publicKey = publicKey;
        this.audit = audit;
        this.minimumApprovers = Math.max(1, minimumApprovers);
        this.webhook = webhook;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /**
     * Files an agent's request. Only what the call is and who asks is taken from the agent; state, votes and
     * grant always start empty here, so an agent can never file a request already approved.
     */
    public ApprovalRequest file(ApprovalRequest asked) throws ApprovalException {
        requireId(asked.id());
        long now = System.currentTimeMillis();
        long pendingFor = Math.min(Math.max(asked.expiresAt() - asked.createdAt(), 60_000L), 24 * 3_600_000L);
        ApprovalRequest fresh = ApprovalRequest.pending(asked.id(), asked.fingerprint(), asked.action(),
                asked.resources(), asked.summary(), asked.measures(), asked.requester(), asked.statement(),
                Math.max(asked.required(), minimumApprovers), now, now + pendingFor, asked.context());
        ApprovalRequest held = store.submit(fresh);
        if (held.createdAt() == now && held.requester().equals(fresh.requester())) {
            step(held, "Request", "PENDING", "filed by " + held.requester().user() + "@" + held.requester().host()
                    + " pid " + held.requester().pid() + " (" + held.requester().tool() + ")");
            webhook.announce(held);
        }
        return held;
    }

    public ApprovalRequest find(String id) throws ApprovalException {
        requireId(id);
        return store.find(id);
    }

    /** Takes one use of the grant, idempotently per redemption id; audited either way. */
    public boolean consume(String id, String grantId, String redemption) throws ApprovalException {
        requireId(id);
        if (redemption == null || !redemption.matches("[A-Za-z0-9-]{8,80}")) {
            throw new ApprovalException("not a valid redemption id: 8 to 80 letters, digits or '-' are required");
        }
        boolean taken = store.consume(id, grantId, redemption);
        ApprovalRequest r = store.find(id);
        if (r != null) {
            step(r, "Consume", taken ? "USED" : "REFUSED", (taken ? "grant " : "grant refused: ") + grantId);
        }
        return taken;
    }

    /** The approver the token belongs to. */
    public String authenticate(String token) throws ApprovalException {
        if (token == null || token.isBlank()) {
            throw new ApprovalException("no approver token given (AIRLOCK_APPROVER_TOKEN)");
        }
        String name = store.approverWithToken(Tokens.hash(token.trim()));
        if (name == null) {
            throw new ApprovalException("this approver token was never issued, or was replaced");
        }
        return name;
    }

    /**
     * One approver's vote, by token.
     *
     * @throws ApprovalException when the token is unknown or the vote is refused; a refused vote is audited
     */
    public ApprovalRequest vote(String id, String token, boolean approve, String reason) throws ApprovalException {
        return voteAs(id, authenticate(token), approve, reason);
    }

    /** A vote by an approver the console authenticated by token when they signed in. */
    ApprovalRequest voteAs(String id, String approver, boolean approve, String reason) throws ApprovalException {
        requireId(id);
        Vote vote = approve ? Vote.approve(approver) : Vote.deny(approver, reason);
        try {
            ApprovalRequest before = store.find(id);
            ApprovalRequest after = store.vote(id, vote, signer);
            String word = approve ? "Approve" : "Deny";
            if (before != null && before.version() == after.version()) {
                step(after, word, "COUNTED-ONCE", approver + " had already approved");
            } else {
                step(after, word, after.state().name(), approver + (approve ? " approved: " + after.approvers().size()
                        + " of " + after.required() : " denied: " + reason)
                        + (after.grant() == null ? "" : "; grant " + after.grant().id()));
            }
            return after;
        } catch (ApprovalException e) {
            ApprovalRequest r = store.find(id);
            if (r != null) {
                step(r, approve ? "Approve" : "Deny", "REFUSED", approver + ": " + e.getMessage());
            }
            throw e;
        }
    }

    /** Issues a new token for {@code name}, replacing any earlier one; the store keeps only its hash. */
    public String addApprover(String name) throws ApprovalException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ApprovalException("an approver name is 1-64 letters, digits, '.', '_', '@' or '-'");
        }
        String token = Tokens.fresh();
        store.putApprover(name, Tokens.hash(token));
        audit.record(new AuditRecord(System.currentTimeMillis(), "airlock", "AddApprover", "airlock:AddApprover",
                Classification.WRITE, "approvers", "-", "ISSUED", "token issued to " + name, null, 0, null));
        return token;
    }

    public List<ApprovalRequest> pending() throws ApprovalException {
        return store.pending();
    }

    public List<ApprovalRequest> recent(int max) throws ApprovalException {
        return store.recent(max);
    }

    private void step(ApprovalRequest r, String operation, String verdict, String reason) {
        audit.record(new AuditRecord(System.currentTimeMillis(), "airlock", operation, r.action(),
                Classification.DESTRUCTIVE, r.statement(), "RequireApproval", verdict, reason, r.id(), 0, null));
    }

    private static void requireId(String id) throws ApprovalException {
        if (id == null || !ID.matcher(id).matches()) {
            throw new ApprovalException("not an approval id: " + id);
        }
    }
}
