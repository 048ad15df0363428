package dev.airlock.sdk.signer.internal;

/**
 * Where the Java agent's hooks enter at the start of the SDK's SigV4 signers, so that a request signed outside a
 * client's pipeline (built by hand, sent with any HTTP client, or presigned into a URL) is decided like a client
 * call before it is signed. What the pipeline signs was decided by the pipeline's hook and is let be.
 *
 * <p>The agent defines this class in the class loader of the SDK it guards. It may use only SDK, {@code java.*}
 * and bridge types. Each entry throws {@code AirlockHeldException} (or {@code AirlockDeniedException}) when the
 * request must not be signed.
 */
public final class SignerHook {

    private SignerHook() {
    }

    /** At the start of {@code DefaultAwsV4HttpSigner.sign(SignRequest)}. */
    public static void beforeSign(Object signer, Object signRequest) {
        if (SignerEnforcer.mayDecide()) {
            SignerEnforcer.enforce(SignerEnforcer.sra(signRequest));
        }
    }

    /** At the start of {@code DefaultAwsV4HttpSigner.signAsync(AsyncSignRequest)}. */
    public static void beforeSignAsync(Object signer, Object asyncSignRequest) {
        if (SignerEnforcer.mayDecide()) {
            SignerEnforcer.enforce(SignerEnforcer.sra(asyncSignRequest));
        }
    }

    /**
     * At the start of {@code AbstractAws4Signer.doSign(request, requestParams, signingParams)}, in releases without
     * the four-argument overload (2.10).
     */
    public static void beforeLegacySign(Object signer, Object request, Object requestParams, Object signingParams) {
        if (SignerEnforcer.mayDecide()) {
            SignerEnforcer.enforce(SignerEnforcer.legacy(request, requestParams));
        }
    }

    /** At the start of {@code AbstractAws4Signer.doSign(request, requestParams, signingParams, checksum)}. */
    public static void beforeLegacySign(Object signer, Object request, Object requestParams, Object signingParams,
                                        Object checksum) {
        beforeLegacySign(signer, request, requestParams, signingParams);
    }

    /** At the start of {@code AbstractAws4Signer.doPresign(request, requestParams, presignParams)}. */
    public static void beforeLegacyPresign(Object signer, Object request, Object requestParams, Object presignParams) {
        beforeLegacySign(signer, request, requestParams, presignParams);
    }
}
