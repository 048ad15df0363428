package dev.airlock.sdk.signer.internal;

import software.amazon.awssdk.auth.signer.internal.Aws4SignerRequestParams;
import software.amazon.awssdk.http.SdkHttpFullRequest;

/**
 * Reads what a legacy SigV4 signer ({@code Aws4Signer}, {@code AwsS3V4Signer} and the others built on
 * {@code AbstractAws4Signer}) is asked to sign or presign.
 */
final class LegacySignRequests {

    private LegacySignRequests() {
    }

    /**
     * @param request the {@code SdkHttpFullRequest}
     * @param requestParams the signer's {@code Aws4SignerRequestParams}, which name the service and region
     */
    static SigningAttempt read(Object request, Object requestParams) {
        SdkHttpFullRequest http = (SdkHttpFullRequest) request;
        Aws4SignerRequestParams params = (Aws4SignerRequestParams) requestParams;
        return SigningAttempt.of(http, http.contentStreamProvider(), params.getServiceSigningName(),
                params.getRegionName());
    }
}
