package dev.airlock.it.plans;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A tool that deletes a bucket and creates it again at once, then carries on: more deletes, reads and writes.
 * It waits for a line on standard input half way (while a human runs {@code airlock resume}), then deletes once
 * more. Plain SDK code, run in a child JVM under the agent. Prints {@code STEP: ok} or {@code STEP: FAILED - ...}.
 *
 * <p>Arguments: S3 endpoint, region, bucket.
 */
public final class RecreatingTool {

    public static final String WAITING = "WAITING for a line on standard input";

    private RecreatingTool() {
    }

    public static void main(String[] args) throws Exception {
        String bucket = args[2];
        try (S3Client s3 = S3Client.builder().endpointOverride(URI.create(args[0])).region(Region.of(args[1]))
                .forcePathStyle(true).build()) {
            step("DeleteBucket " + bucket, () -> s3.deleteBucket(r -> r.bucket(bucket)));
            step("CreateBucket " + bucket, () -> s3.createBucket(r -> r.bucket(bucket)));
            step("PutObject " + bucket + "/a", () -> s3.putObject(r -> r.bucket(bucket).key("a"),
                    RequestBody.fromString("a")));
            step("DeleteObject " + bucket + "/a", () -> s3.deleteObject(r -> r.bucket(bucket).key("a")));
            step("ListObjectsV2 " + bucket, () -> s3.listObjectsV2(r -> r.bucket(bucket)).keyCount());
            step("ListBuckets", () -> s3.listBuckets().buckets().size());
            System.out.println(WAITING);
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            step("DeleteObject " + bucket + "/a (after resume)", () -> s3.deleteObject(r -> r.bucket(bucket)
                    .key("a")));
        }
    }

    private static void step(String name, Callable<?> action) {
        try {
            action.call();
            System.out.println(name + ": ok");
        } catch (Exception e) {
            System.out.println(name + ": FAILED - " + e.getClass().getSimpleName() + ": "
                    + String.valueOf(e.getMessage()).replace('\n', ' '));
        }
        System.out.flush();
    }
}
