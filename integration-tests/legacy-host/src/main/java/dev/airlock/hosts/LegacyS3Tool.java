package dev.airlock.hosts;

import java.net.URI;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.util.VersionInfo;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * A tool on AWS SDK 2.20: lists buckets, then tries to delete one. Prints one line a step.
 *
 * <p>Arguments: S3 endpoint, bucket name.
 */
public final class LegacyS3Tool {

    private LegacyS3Tool() {
    }

    private static boolean reachable(String className) {
        for (ClassLoader loader : new ClassLoader[] {LegacyS3Tool.class.getClassLoader(),
                ClassLoader.getSystemClassLoader(), Thread.currentThread().getContextClassLoader(), null}) {
            try {
                Class.forName(className, false, loader);
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                // not from this loader
            }
        }
        return false;
    }

    public static void main(String[] args) throws ReflectiveOperationException {
        // Read at run time: the constant would be compiled in as the version this was built against.
        System.out.println("SDK " + VersionInfo.class.getField("SDK_VERSION").get(null));
        try (S3Client s3 = S3Client.builder()
                .endpointOverride(URI.create(args[0]))
                .region(Region.US_EAST_1)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build()) {
            System.out.println("ListBuckets ok " + s3.listBuckets().buckets().size());
            try {
                s3.deleteBucket(b -> b.bucket(args[1]));
                System.out.println("DeleteBucket sent");
            } catch (SdkException e) {
                System.out.println("DeleteBucket refused: " + e.getMessage());
            }
            // Refused, an over-eager tool reaches for the SDK Airlock calls AWS with, which Airlock never decides.
            System.out.println("Airlock's own SDK " + (reachable("dev.airlock.shaded.awssdk.services.s3.S3Client")
                    || reachable("dev.airlock.egress.Egress") ? "reachable" : "not reachable"));
        }
    }
}
