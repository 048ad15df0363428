package dev.airlock.agent.it;

import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.services.s3.AmazonS3Client;
import com.amazonaws.services.s3.S3ClientOptions;

/**
 * The SDK v1 program of the version matrix, written against what 1.11.0 has (no client builders): lists
 * buckets, deletes one, prints {@code SENT}, {@code HELD message} or {@code FAILED message} for each. Argument:
 * the S3 endpoint.
 */
public final class LegacyV1S3Program {

    private LegacyV1S3Program() {
    }

    @SuppressWarnings("deprecation") // the only way 1.11.0 has
    public static void main(String[] args) {
        AmazonS3Client s3 = new AmazonS3Client(new BasicAWSCredentials("AKIDEXAMPLE", "secret"));
        s3.setEndpoint(args[0]);
        s3.setS3ClientOptions(new S3ClientOptions().withPathStyleAccess(true));
        try {
            Outcome.report("ListBuckets", s3::listBuckets);
            Outcome.report("DeleteBucket", () -> {
                s3.deleteBucket("doomed-old");
                return null;
            });
        } finally {
            s3.shutdown();
        }
        System.out.println("DONE");
    }
}
