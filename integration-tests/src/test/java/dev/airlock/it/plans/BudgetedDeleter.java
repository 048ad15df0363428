package dev.airlock.it.plans;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A tool that deletes objects one by one, as fast as it can, once it gets a line on standard input (so that two
 * of them start together). Plain SDK code. Prints {@code DeleteObject KEY: ok} or {@code ...: FAILED - ...}.
 *
 * <p>Arguments: S3 endpoint, region, bucket, then the keys.
 */
public final class BudgetedDeleter {

    public static final String READY = "READY";

    private BudgetedDeleter() {
    }

    public static void main(String[] args) throws Exception {
        String bucket = args[2];
        try (S3Client s3 = S3Client.builder().endpointOverride(URI.create(args[0])).region(Region.of(args[1]))
                .forcePathStyle(true).build()) {
            s3.listBuckets();
            System.out.println(READY);
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            for (int i = 3; i < args.length; i++) {
                String key = args[i];
                try {
                    s3.deleteObject(r -> r.bucket(bucket).key(key));
                    System.out.println("DeleteObject " + key + ": ok");
                } catch (Exception e) {
                    System.out.println("DeleteObject " + key + ": FAILED - " + String.valueOf(e.getMessage())
                            .replace('\n', ' '));
                }
            }
        }
    }
}
