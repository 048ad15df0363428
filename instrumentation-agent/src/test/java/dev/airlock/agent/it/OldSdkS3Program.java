package dev.airlock.agent.it;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * The S3 program of the version matrix, written against what every SDK v2 release has (no
 * {@code forcePathStyle}): lists buckets, deletes one, prints {@code SENT}, {@code HELD message} or
 * {@code FAILED message} for each. Argument: the S3 endpoint.
 */
public final class OldSdkS3Program {

    private OldSdkS3Program() {
    }

    public static void main(String[] args) {
        S3Client s3 = S3Client.builder().endpointOverride(URI.create(args[0])).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "s")))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build();
        try {
            Outcome.report("ListBuckets", s3::listBuckets);
            Outcome.report("DeleteBucket", () -> s3.deleteBucket(b -> b.bucket("doomed-old")));
        } finally {
            s3.close();
        }
        System.out.println("DONE");
    }
}
