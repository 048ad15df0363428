package dev.airlock.sdk.signer.internal;

import java.io.InputStream;
import java.util.Optional;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpRequest;

/** One request handed to a signer, with what the signer was told: the service's signing name and the region. */
final class SigningAttempt {

    /** The largest body read to find a call's parameters; a larger one is treated as unread. */
    static final int MAX_BODY = 1024 * 1024;

    final HttpShape http;
    final String signingName;
    final String region;
    final String endpoint;

    SigningAttempt(HttpShape http, String signingName, String region, String endpoint) {
        this.http = http;
        this.signingName = signingName;
        this.region = region;
        this.endpoint = endpoint;
    }

    /** The SDK's request as an {@link HttpShape}, its body read (bounded) only when the reader asks for it. */
    static SigningAttempt of(SdkHttpRequest request, Optional<ContentStreamProvider> payload, String signingName,
                             String region) {
        HttpShape http = new HttpShape(request.method().name(), request.host(), request.encodedPath(),
                request.rawQueryParameters(), request.headers(),
                payload != null && payload.isPresent() ? new StreamedBody(payload.get()) : HttpShape.NO_BODY);
        String endpoint = request.protocol() + "://" + request.host()
                + (request.port() > 0 ? ":" + request.port() : "");
        return new SigningAttempt(http, signingName, region, endpoint);
    }

    /**
     * A body the signer reads anyway to hash it: reading it once more here costs a copy, bounded by
     * {@link #MAX_BODY}, and only for the protocols whose parameters travel in the body.
     */
    private static final class StreamedBody implements HttpShape.Body {
        private final ContentStreamProvider provider;

        StreamedBody(ContentStreamProvider provider) {
            this.provider = provider;
        }

        @Override
        public byte[] read() {
            try (InputStream in = provider.newStream()) {
                byte[] bytes = in.readNBytes(MAX_BODY + 1);
                return bytes.length > MAX_BODY ? null : bytes;
            } catch (Exception | LinkageError e) {
                return null;
            }
        }
    }
}
