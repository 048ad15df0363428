package dev.airlock.plan.internal.probes;

import dev.airlock.call.Call;
import dev.airlock.plan.internal.Fields;
import dev.airlock.plan.internal.Findings;
import dev.airlock.plan.internal.ProbeReads;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * S3: what a bucket holds before DeleteBucket (objects, bytes, versions, object lock), the objects a DeleteObjects
 * or DeleteObject names and their sizes, and what a lifecycle rule with an expiry would expire.
 */
final class S3Probes {

    private S3Probes() {
    }

    static void register(Map<String, dev.airlock.plan.internal.Probe> probes) {
        probes.put("s3:DeleteBucket", S3Probes::deleteBucket);
        probes.put("s3:DeleteObjects", S3Probes::deleteObjects);
        probes.put("s3:DeleteObject", S3Probes::deleteObjects);
        probes.put("s3:PutBucketLifecycleConfiguration", S3Probes::lifecycle);
        probes.put("s3:PutBucketLifecycle", S3Probes::lifecycle);
    }

    static void deleteBucket(Call call, ProbeReads reads, Findings out) throws Exception {
        String bucket = Fields.text(call.parameters(), "Bucket");
        if (bucket == null) {
            out.note("the request names no bucket");
            return;
        }
        countObjects(reads, bucket, null, out, null);
        try {
            countVersions(reads, bucket, out);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            out.note("versions unknown (" + ProbeErrors.why(e) + ")");
        }
        try {
            Map<String, Object> v = reads.read("GetBucketVersioning", Map.of("Bucket", bucket));
            out.fact("versioning", Fields.text(v, "Status") == null ? "never enabled" : Fields.text(v, "Status"));
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            out.note("versioning unknown (" + ProbeErrors.why(e) + ")");
        }
        try {
            Map<String, Object> lock = reads.read("GetObjectLockConfiguration", Map.of("Bucket", bucket));
            String enabled = Fields.text(lock, "ObjectLockConfiguration", "ObjectLockEnabled");
            String mode = Fields.text(lock, "ObjectLockConfiguration", "Rule", "DefaultRetention", "Mode");
            out.fact("object lock", enabled == null ? "off" : enabled + (mode == null ? "" : " (" + mode + ")"));
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            if (ProbeErrors.notFound(e, "ObjectLockConfigurationNotFound", "missing Object Lock Configuration",
                    "does not exist")) {
                out.fact("object lock", "off");
            } else {
                out.note("object lock unknown (" + ProbeErrors.why(e) + ")");
            }
        }
    }

    /** Versions and delete markers; this listing pages with two markers, key and version. */
    private static void countVersions(ProbeReads reads, String bucket, Findings out) throws Exception {
        Map<String, Object> request = new HashMap<>();
        request.put("Bucket", bucket);
        long versions = 0;
        for (int page = 0; page < reads.maxPages(); page++) {
            Map<String, Object> response = reads.read("ListObjectVersions", request);
            versions += Fields.maps(response, "Versions").size() + Fields.maps(response, "DeleteMarkers").size();
            if (!Boolean.TRUE.equals(Fields.flag(response, "IsTruncated"))) {
                out.set("versions", versions);
                return;
            }
            request.put("KeyMarker", Fields.text(response, "NextKeyMarker"));
            String versionMarker = Fields.text(response, "NextVersionIdMarker");
            if (versionMarker != null) {
                request.put("VersionIdMarker", versionMarker);
            }
        }
        out.set("versions", versions);
        out.note("versions counted in the first " + reads.maxPages() + " pages only: there are more");
    }

    /** DeleteObjects and DeleteObject: the named keys that are there, and their bytes. */
    static void deleteObjects(Call call, ProbeReads reads, Findings out) throws Exception {
        String bucket = Fields.text(call.parameters(), "Bucket");
        Set<String> keys = new LinkedHashSet<>();
        String single = Fields.text(call.parameters(), "Key");
        if (single != null) {
            keys.add(single);
        }
        for (Map<String, Object> o : Fields.maps(call.parameters(), "Delete", "Objects")) {
            String key = Fields.text(o, "Key");
            if (key != null) {
                keys.add(key);
            }
        }
        if (bucket == null || keys.isEmpty()) {
            out.note("the request names no objects");
            return;
        }
        String prefix = commonPrefix(keys);
        Set<String> found = new LinkedHashSet<>();
        countObjects(reads, bucket, prefix, out, keys, found);
        for (String key : keys) {
            if (!found.contains(key)) {
                out.detail("object " + key + ": not there (nothing to delete)");
            }
        }
    }

    /** A lifecycle configuration whose rules expire objects: the objects under those rules' prefixes. */
    static void lifecycle(Call call, ProbeReads reads, Findings out) throws Exception {
        String bucket = Fields.text(call.parameters(), "Bucket");
        List<Map<String, Object>> rules = Fields.maps(call.parameters(), "LifecycleConfiguration", "Rules");
        boolean any = false;
        for (Map<String, Object> rule : rules) {
            if (Fields.at(rule, "Expiration") == null && Fields.at(rule, "NoncurrentVersionExpiration") == null) {
                continue;
            }
            any = true;
            String prefix = Fields.text(rule, "Filter", "Prefix");
            if (prefix == null) {
                prefix = Fields.text(rule, "Prefix");
            }
            long days = Fields.number(rule, "Expiration", "Days");
            out.fact("expires " + (prefix == null || prefix.isEmpty() ? "every object" : "objects under " + prefix),
                    days >= 0 ? "after " + days + " days" : "by rule " + Fields.text(rule, "ID"));
            if (bucket != null) {
                countObjects(reads, bucket, prefix == null || prefix.isEmpty() ? null : prefix, out, null);
            }
        }
        if (!any) {
            out.note("no rule expires objects");
        }
    }

    private static void countObjects(ProbeReads reads, String bucket, String prefix, Findings out,
                                     Set<String> only) throws Exception {
        countObjects(reads, bucket, prefix, out, only, new LinkedHashSet<>());
    }

    /**
     * Lists the bucket (under {@code prefix}) and counts objects and bytes: all of them, or only the keys in
     * {@code only}, recording each found key in {@code found}.
     */
    private static void countObjects(ProbeReads reads, String bucket, String prefix, Findings out, Set<String> only,
                                     Set<String> found) throws Exception {
        Map<String, Object> request = new HashMap<>();
        request.put("Bucket", bucket);
        if (prefix != null && !prefix.isEmpty()) {
            request.put("Prefix", prefix);
        }
        long[] totals = {0, 0};
        boolean all = reads.pages("ListObjectsV2", request, "ContinuationToken", "NextContinuationToken", page -> {
            for (Map<String, Object> o : Fields.maps(page, "Contents")) {
                String key = Fields.text(o, "Key");
                if (only != null && !only.contains(key)) {
                    continue;
                }
                long size = Math.max(0, Fields.number(o, "Size"));
                totals[0]++;
                totals[1] += size;
                found.add(key);
                out.detail(String.format(Locale.ROOT, "object %s: %,d bytes", key, size));
            }
        });
        out.add("objects", totals[0]).add("bytes", totals[1]);
        if (!all) {
            out.note("objects counted in the first " + reads.maxPages() + " pages only: there are more");
        }
    }

    private static String commonPrefix(Set<String> keys) {
        String prefix = null;
        for (String k : keys) {
            if (prefix == null) {
                prefix = k;
            } else {
                int i = 0;
                while (i < prefix.length() && i < k.length() && prefix.charAt(i) == k.charAt(i)) {
                    i++;
                }
                prefix = prefix.substring(0, i);
            }
        }
        return prefix;
    }
}
