package dev.airlock.agent.it;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;

/**
 * Signs a DeleteBucket by hand with the legacy {@code Aws4Signer}, which every SDK v2 release has, and sends it
 * with {@code HttpURLConnection}. Argument: the S3 endpoint.
 */
public final class OldSdkSignedProgram {

    private OldSdkSignedProgram() {
    }

    public static void main(String[] args) {
        Outcome.report("signed DeleteBucket", () -> {
            SdkHttpFullRequest signed = Aws4Signer.create().sign(SdkHttpFullRequest.builder()
                    .method(SdkHttpMethod.DELETE).uri(URI.create(args[0] + "/doomed-old")).build(),
                    Aws4SignerParams.builder().awsCredentials(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"))
                            .signingName("s3").signingRegion(Region.US_EAST_1).build());
            try {
                HttpURLConnection c = (HttpURLConnection) signed.getUri().toURL().openConnection();
                c.setRequestMethod("DELETE");
                signed.headers().forEach((k, v) -> {
                    if (!k.equalsIgnoreCase("host")) {
                        c.setRequestProperty(k, v.get(0));
                    }
                });
                return c.getResponseCode();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        System.out.println("DONE");
    }
}
