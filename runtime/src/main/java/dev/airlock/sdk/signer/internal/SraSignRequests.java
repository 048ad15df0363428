package dev.airlock.sdk.signer.internal;

import java.util.Optional;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.BaseSignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;

/**
 * Reads what the SDK's own SigV4 signer ({@code AwsV4HttpSigner}, 2.21 and later) is asked to sign. Kept apart
 * from the legacy signers' reader: an SDK has one, the other, or both.
 */
final class SraSignRequests {

    private SraSignRequests() {
    }

    /** @param signRequest a {@code SignRequest}, or an {@code AsyncSignRequest} whose body cannot be read here */
    static SigningAttempt read(Object signRequest) {
        BaseSignRequest<?, ?> request = (BaseSignRequest<?, ?>) signRequest;
        Optional<ContentStreamProvider> payload = Optional.empty();
        if (signRequest instanceof SignRequest) {
            payload = ((SignRequest<?>) signRequest).payload();
        }
        return SigningAttempt.of(request.request(), payload,
                request.property(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME),
                request.property(AwsV4HttpSigner.REGION_NAME));
    }
}
