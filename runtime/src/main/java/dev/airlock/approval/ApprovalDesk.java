package dev.airlock.approval;

import dev.airlock.config.AirlockConfig;
import java.security.PublicKey;

/**
 * The approval service as the guarded JVM sees it: it can file a request, read how one stands, and take one use
 * of a grant. It cannot vote and never sees the signing key. Under the agent this is the approval service over
 * HTTP on loopback ({@code approval.url}); in library mode and tests it may sit on a store in the same JVM.
 */
public interface ApprovalDesk extends AutoCloseable {

    /** No approval service: requests are held with a message that says so. */
    static ApprovalDesk none() {
        return dev.airlock.approval.internal.NoApprovals.INSTANCE;
    }

    /** The desk the config names: the service at {@code approval.url}, or none. */
    static ApprovalDesk fromConfig(AirlockConfig config) {
        String url = config.get(AirlockConfig.APPROVAL_URL);
        if (url == null) {
            return none();
        }
        return new dev.airlock.approval.internal.ServiceDesk(url, config.get(AirlockConfig.APPROVAL_PUBLIC_KEY));
    }

    /** A desk on a store in this JVM, whose grants verify with {@code publicKey}: library mode and tests. */
    static ApprovalDesk onStore(ApprovalStore store, PublicKey publicKey) {
        return new dev.airlock.approval.internal.StoreDesk(store, publicKey);
    }

    /** False for {@link #none()}: there is nowhere to file a request. */
    default boolean accepts() {
        return true;
    }

    /** Where approvers go, for messages: the service's URL or a short description. */
    String where();

    /** Files the request, or returns the live one with its id as the service holds it. */
    ApprovalRequest file(ApprovalRequest request) throws ApprovalException;

    /** The request with this id as the service holds it, or null. */
    ApprovalRequest status(String id) throws ApprovalException;

    /**
     * Takes one use of the grant, atomically for every agent: false when it is used up or not current. Asking
     * again with the same {@code redemption} is answered as the first time was, without a second use.
     */
    boolean redeem(String id, String grantId, String redemption) throws ApprovalException;

    /** What checks grants here: the pinned public key of the service. */
    GrantVerifier verifier() throws ApprovalException;

    @Override
    default void close() {
    }
}
