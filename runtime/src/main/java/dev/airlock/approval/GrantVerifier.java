package dev.airlock.approval;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks grants in the guarded process, with the approval service's public key only. Remembers every grant this
 * process has used, so a grant is never used twice here even if a store were to let it.
 */
public final class GrantVerifier {

    private final PublicKey key;
    private final Set<String> used = ConcurrentHashMap.newKeySet();

    public GrantVerifier(PublicKey key) {
        this.key = key;
    }

    /**
     * @return null when {@code grant} lets the call with {@code fingerprint} through now; otherwise why not
     */
    public String refusal(Grant grant, String approvalId, String fingerprint, int required,
                          ApprovalRequest.Identity requester, long now) {
        if (!signatureHolds(grant)) {
            return "its signature does not verify with the approval service's public key (forged or altered)";
        }
        if (!grant.fingerprint().equals(fingerprint) || !grant.approvalId().equals(approvalId)) {
            return "it approves another call (" + grant.approvalId() + "), not this one";
        }
        if (now >= grant.expiresAt()) {
            return "it expired " + (now - grant.expiresAt()) / 1000 + " s ago";
        }
        if (grant.approvers().stream().map(String::toLowerCase).distinct().count() < required) {
            return "it names " + grant.approvers().size() + " approver(s) and this call needs " + required;
        }
        for (String a : grant.approvers()) {
            if (requester.isNamedBy(a)) {
                return a + " approved it and is the requester";
            }
        }
        if (used.contains(grant.id())) {
            return "it was already used in this process";
        }
        return null;
    }

    /** Marks the grant used here; false when it already was. */
    public boolean markUsed(Grant grant) {
        return used.add(grant.id());
    }

    private boolean signatureHolds(Grant grant) {
        if (grant.signature() == null) {
            return false;
        }
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(grant.signedBytes());
            return s.verify(Base64.getDecoder().decode(grant.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
