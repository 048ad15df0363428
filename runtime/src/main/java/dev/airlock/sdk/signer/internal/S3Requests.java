package dev.airlock.sdk.signer.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * S3's REST API read back from a request: the bucket and key from a virtual-hosted name
 * ({@code bucket.s3.us-east-1.amazonaws.com/key}) or the path ({@code /bucket/key}), and the operation from the
 * method and the sub-resource in the query ({@code DELETE /bucket} is DeleteBucket, {@code DELETE /bucket?policy}
 * DeleteBucketPolicy, {@code POST /bucket?delete} DeleteObjects). A shape not listed here is
 * {@link SignedCall#UNRECOGNIZED} unless it only reads.
 *
 * <p>Configuration bodies (XML) are not parsed: a configuration change other than a plain upload is marked cut, so
 * that what a request rule would have raised (versioning suspended, retention shortened) is assumed.
 */
final class S3Requests {

    private static final Set<String> SERVICES = Set.of("s3", "s3express", "s3-outposts", "s3-object-lambda");

    private static final Map<String, String> BUCKET_GET = table(
            "acl", "GetBucketAcl", "policy", "GetBucketPolicy", "lifecycle", "GetBucketLifecycleConfiguration",
            "tagging", "GetBucketTagging", "versioning", "GetBucketVersioning", "location", "GetBucketLocation",
            "cors", "GetBucketCors", "website", "GetBucketWebsite", "encryption", "GetBucketEncryption",
            "replication", "GetBucketReplication", "logging", "GetBucketLogging",
            "notification", "GetBucketNotificationConfiguration", "object-lock", "GetObjectLockConfiguration",
            "ownershipControls", "GetBucketOwnershipControls", "publicAccessBlock", "GetPublicAccessBlock",
            "policyStatus", "GetBucketPolicyStatus", "requestPayment", "GetBucketRequestPayment",
            "accelerate", "GetBucketAccelerateConfiguration", "analytics", "GetBucketAnalyticsConfiguration",
            "metrics", "GetBucketMetricsConfiguration", "inventory", "GetBucketInventoryConfiguration",
            "intelligent-tiering", "GetBucketIntelligentTieringConfiguration", "versions", "ListObjectVersions",
            "uploads", "ListMultipartUploads", "list-type", "ListObjectsV2", "", "ListObjects");
    private static final Map<String, String> BUCKET_PUT = table(
            "acl", "PutBucketAcl", "policy", "PutBucketPolicy", "lifecycle", "PutBucketLifecycleConfiguration",
            "tagging", "PutBucketTagging", "versioning", "PutBucketVersioning", "cors", "PutBucketCors",
            "website", "PutBucketWebsite", "encryption", "PutBucketEncryption", "replication", "PutBucketReplication",
            "logging", "PutBucketLogging", "notification", "PutBucketNotificationConfiguration",
            "object-lock", "PutObjectLockConfiguration", "ownershipControls", "PutBucketOwnershipControls",
            "publicAccessBlock", "PutPublicAccessBlock", "requestPayment", "PutBucketRequestPayment",
            "accelerate", "PutBucketAccelerateConfiguration", "analytics", "PutBucketAnalyticsConfiguration",
            "metrics", "PutBucketMetricsConfiguration", "inventory", "PutBucketInventoryConfiguration",
            "intelligent-tiering", "PutBucketIntelligentTieringConfiguration", "", "CreateBucket");
    private static final Map<String, String> BUCKET_DELETE = table(
            "policy", "DeleteBucketPolicy", "lifecycle", "DeleteBucketLifecycle", "tagging", "DeleteBucketTagging",
            "cors", "DeleteBucketCors", "website", "DeleteBucketWebsite", "encryption", "DeleteBucketEncryption",
            "replication", "DeleteBucketReplication", "ownershipControls", "DeleteBucketOwnershipControls",
            "publicAccessBlock", "DeletePublicAccessBlock", "analytics", "DeleteBucketAnalyticsConfiguration",
            "metrics", "DeleteBucketMetricsConfiguration", "inventory", "DeleteBucketInventoryConfiguration",
            "intelligent-tiering", "DeleteBucketIntelligentTieringConfiguration", "", "DeleteBucket");
    private static final Map<String, String> BUCKET_POST = table("delete", "DeleteObjects");
    private static final Map<String, String> OBJECT_GET = table(
            "acl", "GetObjectAcl", "tagging", "GetObjectTagging", "uploadId", "ListParts",
            "attributes", "GetObjectAttributes", "retention", "GetObjectRetention", "legal-hold", "GetObjectLegalHold",
            "torrent", "GetObjectTorrent", "", "GetObject");
    private static final Map<String, String> OBJECT_PUT = table(
            "acl", "PutObjectAcl", "tagging", "PutObjectTagging", "retention", "PutObjectRetention",
            "legal-hold", "PutObjectLegalHold", "uploadId", "UploadPart", "", "PutObject");
    private static final Map<String, String> OBJECT_DELETE = table(
            "uploadId", "AbortMultipartUpload", "tagging", "DeleteObjectTagging", "", "DeleteObject");
    private static final Map<String, String> OBJECT_POST = table(
            "uploads", "CreateMultipartUpload", "uploadId", "CompleteMultipartUpload", "restore", "RestoreObject",
            "select", "SelectObjectContent");

    /** Query parameters that qualify a call without naming a sub-resource. */
    private static final Set<String> PLAIN_PARAMETERS = Set.of("versionId", "partNumber", "x-id", "prefix",
            "delimiter", "marker", "max-keys", "encoding-type", "continuation-token", "fetch-owner", "start-after",
            "key-marker", "version-id-marker", "upload-id-marker", "max-uploads", "max-parts", "part-number-marker",
            "id", "response-content-type", "response-content-language", "response-expires", "response-cache-control",
            "response-content-disposition", "response-content-encoding", "list-type");

    private S3Requests() {
    }

    static boolean speaksS3(String service) {
        return SERVICES.contains(service);
    }

    static SignedCall read(String service, HttpShape http) {
        String path = http.encodedPath.startsWith("/") ? http.encodedPath.substring(1) : http.encodedPath;
        String bucket = virtualHostBucket(http.host);
        String key;
        if (bucket != null) {
            key = path.isEmpty() ? null : SignedRequestReader.decodePath(path);
        } else {
            int slash = path.indexOf('/');
            String first = slash < 0 ? path : path.substring(0, slash);
            bucket = first.isEmpty() ? null : SignedRequestReader.decodePath(first);
            String rest = slash < 0 ? "" : path.substring(slash + 1);
            key = rest.isEmpty() ? null : SignedRequestReader.decodePath(rest);
        }
        String operation = operation(http, bucket, key);
        Map<String, Object> fields = new LinkedHashMap<>();
        if (bucket != null) {
            fields.put("Bucket", bucket);
        }
        if (key != null) {
            fields.put("Key", key);
        }
        putIfPresent(fields, "VersionId", http.queryValue("versionId"));
        putIfPresent(fields, "UploadId", http.queryValue("uploadId"));
        putIfPresent(fields, "CopySource", http.header("x-amz-copy-source"));
        if (operation.startsWith("Put") && !operation.equals("PutObject")) {
            fields.put(dev.airlock.sdk.internal.RequestFields.CUT, Boolean.TRUE);
        }
        return new SignedCall(service, operation, Collections.unmodifiableMap(fields));
    }

    private static String operation(HttpShape http, String bucket, String key) {
        if (bucket == null) {
            return http.method.equals("GET") ? "ListBuckets" : http.reads() ? SignedCall.UNRECOGNIZED_READ
                    : SignedCall.UNRECOGNIZED;
        }
        if (http.method.equals("HEAD")) {
            return key == null ? "HeadBucket" : "HeadObject";
        }
        Map<String, String> table = switch (http.method) {
            case "GET" -> key == null ? BUCKET_GET : OBJECT_GET;
            case "PUT" -> key == null ? BUCKET_PUT : OBJECT_PUT;
            case "DELETE" -> key == null ? BUCKET_DELETE : OBJECT_DELETE;
            case "POST" -> key == null ? BUCKET_POST : OBJECT_POST;
            default -> Map.of();
        };
        String found = null;
        for (String parameter : http.query.keySet()) {
            String operation = table.get(parameter);
            if (operation != null && (found == null || parameter.equals("uploadId") || parameter.equals("uploads"))) {
                found = operation;
            } else if (operation == null && !PLAIN_PARAMETERS.contains(parameter) && !http.reads()
                    && !parameter.regionMatches(true, 0, "x-amz-", 0, 6)) {
                // A sub-resource this table does not know, on a call that changes state.
                return SignedCall.UNRECOGNIZED;
            }
        }
        if (found == null) {
            found = table.get("");
        }
        if (found == null) {
            return http.reads() ? SignedCall.UNRECOGNIZED_READ : SignedCall.UNRECOGNIZED;
        }
        if (found.equals("PutObject") && http.header("x-amz-copy-source") != null) {
            return "CopyObject";
        }
        if (found.equals("UploadPart") && http.header("x-amz-copy-source") != null) {
            return "UploadPartCopy";
        }
        return found;
    }

    /**
     * The bucket of a virtual-hosted AWS name ({@code bucket.s3.us-east-1.amazonaws.com},
     * {@code bucket.s3-accelerate.amazonaws.com}); null for path style and for other hosts, whose first path
     * segment is the bucket.
     */
    static String virtualHostBucket(String host) {
        if (!(host.endsWith(".amazonaws.com") || host.endsWith(".amazonaws.com.cn"))) {
            return null;
        }
        int at = Math.max(host.lastIndexOf(".s3."), Math.max(host.lastIndexOf(".s3-"),
                host.lastIndexOf(".s3express-")));
        return at > 0 ? host.substring(0, at) : null;
    }

    private static void putIfPresent(Map<String, Object> fields, String name, String value) {
        if (value != null && !value.isEmpty()) {
            fields.put(name, value);
        }
    }

    private static Map<String, String> table(String... pairs) {
        Map<String, String> table = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            table.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(table);
    }
}
