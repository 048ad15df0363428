package dev.airlock.catalog.internal;

import static dev.airlock.catalog.internal.RequestFields.list;
import static dev.airlock.catalog.internal.RequestFields.map;
import static dev.airlock.catalog.internal.RequestFields.string;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/**
 * S3's ARNs: the bucket, the object ({@code Bucket} + {@code Key}), one object per key of DeleteObjects, and the
 * source object of a copy. {@code Bucket} may also name an access point or Outposts bucket by ARN; objects are
 * then {@code <that ARN>/object/<key>}.
 */
final class S3Arns {

    private S3Arns() {
    }

    static boolean resolve(String operation, Map<?, ?> request, ArnScope scope, Collection<String> arns) {
        String bucket = string(request, "Bucket");
        if (bucket == null) {
            return false;
        }
        String prefix = objectPrefix(bucket, scope);
        if (operation.equals("DeleteObjects")) {
            for (Object object : list(map(request, "Delete"), "Objects")) {
                if (object instanceof Map<?, ?> m) {
                    String key = string(m, "Key");
                    if (key != null) {
                        arns.add(prefix.concat(key));
                    }
                }
            }
            if (arns.isEmpty()) {
                arns.add(bucketArn(bucket, scope));
            }
        } else {
            String key = string(request, "Key");
            arns.add(key == null ? bucketArn(bucket, scope) : prefix.concat(key));
        }
        addCopySource(request, scope, arns);
        return true;
    }

    private static String bucketArn(String bucket, ArnScope scope) {
        return bucket.startsWith("arn:") ? bucket : scope.arn("s3", "", "", bucket);
    }

    /** Everything before the key in an object ARN. */
    private static String objectPrefix(String bucket, ArnScope scope) {
        if (bucket.startsWith("arn:")) {
            return bucket.concat(bucket.contains(":accesspoint/") ? "/object/" : "/");
        }
        return scope.arn("s3", "", "", bucket.concat("/"));
    }

    /**
     * CopyObject and UploadPartCopy read their source: {@code CopySource} ("bucket/key", URL-encoded, maybe with
     * ?versionId=) or the newer {@code SourceBucket} and {@code SourceKey} members.
     */
    private static void addCopySource(Map<?, ?> request, ArnScope scope, Collection<String> arns) {
        String sourceBucket = string(request, "SourceBucket");
        String sourceKey = string(request, "SourceKey");
        if (sourceBucket != null && sourceKey != null) {
            arns.add(objectPrefix(sourceBucket, scope).concat(sourceKey));
            return;
        }
        String copySource = string(request, "CopySource");
        if (copySource == null) {
            return;
        }
        int query = copySource.indexOf('?');
        String path = query < 0 ? copySource : copySource.substring(0, query);
        try {
            path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // Not URL-encoded after all: keep it as given.
        }
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        if (path.startsWith("arn:")) {
            // An access point source is already an object ARN: arn:...:accesspoint/ap/object/key.
            arns.add(path);
            return;
        }
        int slash = path.indexOf('/');
        if (slash > 0 && slash < path.length() - 1) {
            arns.add(scope.arn("s3", "", "", path));
        }
    }
}
