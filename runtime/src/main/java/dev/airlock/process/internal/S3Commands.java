package dev.airlock.process.internal;

import dev.airlock.call.Call;
import dev.airlock.call.Classification;
import dev.airlock.catalog.ActionCatalog;
import dev.airlock.catalog.Operation;
import dev.airlock.catalog.Partition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The high-level {@code aws s3} commands ({@code ls cp mv rm sync mb rb presign website}), each one call made
 * of the API operations it runs: {@code rb --force} empties the bucket and deletes it, {@code sync --delete}
 * removes what the source lacks, {@code mv} deletes its source, {@code --dryrun} sends nothing that changes.
 */
final class S3Commands {

    private static final Set<String> FLAGS = Set.of("recursive", "force", "delete", "dryrun", "quiet",
            "only-show-errors", "no-progress", "follow-symlinks", "no-follow-symlinks", "exact-timestamps",
            "size-only", "no-guess-mime-type", "ignore-glacier-warnings", "force-glacier-transfer",
            "human-readable", "summarize", "no-overwrite", "bypass-governance-retention");

    private S3Commands() {
    }

    /** What the command's words say. */
    private record Args(List<Word> paths, Set<String> flags, Map<String, String> options, boolean dynamic) {

        static Args read(List<Word> rest) {
            List<Word> paths = new ArrayList<>();
            Set<String> flags = new LinkedHashSet<>();
            Map<String, String> options = new LinkedHashMap<>();
            boolean dynamic = false;
            for (int i = 0; i < rest.size(); i++) {
                Word w = rest.get(i);
                String t = w.text();
                if (w.dynamic()) {
                    dynamic = true;
                    paths.add(w);
                } else if (t.startsWith("--") && t.length() > 2) {
                    int eq = t.indexOf('=');
                    String name = eq > 0 ? t.substring(2, eq) : t.substring(2);
                    if (eq > 0) {
                        options.put(name, t.substring(eq + 1));
                    } else if (FLAGS.contains(name)) {
                        flags.add(name);
                    } else if (i + 1 < rest.size()) {
                        options.put(name, rest.get(++i).text());
                    }
                } else {
                    paths.add(w);
                }
            }
            return new Args(paths, flags, options, dynamic);
        }

        /** A flag is present, or could be: a word known only at run time might be it. */
        boolean mayHave(String flag) {
            return flags.contains(flag) || dynamic;
        }
    }

    /** An {@code s3://bucket/key} path; bucket null for a local path, key empty for the whole bucket. */
    private record S3Path(String bucket, String key, boolean dynamic) {

        static S3Path of(Word w) {
            String t = w.text();
            if (!t.startsWith("s3://")) {
                return w.dynamic() ? new S3Path(null, "", true) : new S3Path(null, t, false);
            }
            String rest = t.substring(5);
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            String key = slash < 0 ? "" : rest.substring(slash + 1);
            boolean bucketDynamic = w.dynamic() && (bucket.contains("$") || bucket.contains("`")
                    || bucket.contains("<") || bucket.contains("{}"));
            return new S3Path(bucketDynamic ? null : bucket, key, w.dynamic());
        }

        boolean remote() {
            return bucket != null;
        }

        String arn(String partition, boolean wholePrefix) {
            if (key.isEmpty() && !wholePrefix) {
                return "arn:" + partition + ":s3:::" + bucket;
            }
            String k = dynamic ? "*" : key;
            return "arn:" + partition + ":s3:::" + bucket + "/" + k + (wholePrefix && !k.endsWith("*") ? "*" : "");
        }
    }

    static Recognised recognise(Invocation inv, ToolContext ctx, String command, List<Word> rest, String region,
                                String endpoint) {
        Args a = Args.read(rest);
        String partition = Partition.of(region);
        List<String> ops = new ArrayList<>();
        List<String> resources = new ArrayList<>();
        S3Path first = a.paths().isEmpty() ? null : S3Path.of(a.paths().get(0));
        S3Path second = a.paths().size() < 2 ? null : S3Path.of(a.paths().get(1));
        boolean recursive = a.flags().contains("recursive");
        boolean dryRun = a.flags().contains("dryrun");
        switch (command) {
            case "ls" -> {
                ops.add(first == null || !first.remote() ? "ListBuckets" : "ListObjectsV2");
                addBucket(resources, first, partition);
            }
            case "mb" -> {
                ops.add("CreateBucket");
                addBucket(resources, first, partition);
            }
            case "rb" -> {
                if (a.mayHave("force")) {
                    ops.add("ListObjectsV2");
                    ops.add("DeleteObject");
                    addObjects(resources, first, partition, true);
                }
                ops.add("DeleteBucket");
                addBucket(resources, first, partition);
            }
            case "rm" -> {
                if (recursive) {
                    ops.add("ListObjectsV2");
                }
                ops.add("DeleteObject");
                addObjects(resources, first, partition, recursive);
            }
            case "cp", "mv", "sync" -> transfer(command, a, first, second, partition, ops, resources);
            case "presign" -> {
                ops.add("GetObject");
                addObjects(resources, first, partition, false);
            }
            case "website" -> {
                ops.add("PutBucketWebsite");
                addBucket(resources, first, partition);
            }
            default -> {
                ops.add(AwsCliNames.pascal(command));
                addBucket(resources, first, partition);
            }
        }
        ActionCatalog catalog = ctx.catalog();
        String main = mostSevere(catalog, ops);
        Map<String, Object> params = parameters(command, a, first);
        Operation mainOp = catalog.operation("s3", main);
        Classification c = catalog.classify(mainOp, params);
        Set<String> actions = new LinkedHashSet<>(mainOp.actions());
        for (String op : ops) {
            Operation o = catalog.operation("s3", op);
            actions.addAll(o.actions());
            c = c.max(o.classification());
        }
        if (dryRun && !a.dynamic()) {
            // --dryrun prints what would happen and sends nothing that changes the bucket.
            c = Classification.READ;
        }
        Call call = Call.builder()
                .origin(ToolContext.CLI)
                .service("s3")
                .operation(main)
                .actions(List.copyOf(actions))
                .classification(c)
                .resources(resources)
                .region(region)
                .account(ctx.account())
                .endpoint(endpoint)
                .parameters(params)
                .requester(ctx.requester())
                .build();
        return new Recognised(call, inv.text(), null);
    }

    /** cp, mv and sync: reads from an S3 source, writes to an S3 target, deletes what mv moves and sync drops. */
    private static void transfer(String command, Args a, S3Path src, S3Path dst, String partition,
                                 List<String> ops, List<String> resources) {
        boolean many = command.equals("sync") || a.mayHave("recursive");
        if (src != null && src.remote()) {
            if (many) {
                ops.add("ListObjectsV2");
            }
            ops.add("GetObject");
            addObjects(resources, src, partition, many);
        }
        if (dst != null && dst.remote()) {
            if (command.equals("sync")) {
                ops.add("ListObjectsV2");
            }
            ops.add("PutObject");
            addObjects(resources, dst, partition, many);
        }
        if (command.equals("mv") && src != null && src.remote()) {
            ops.add("DeleteObject");
        }
        if (command.equals("sync") && a.mayHave("delete") && dst != null && dst.remote()) {
            ops.add("DeleteObject");
        }
        if (ops.isEmpty()) {
            ops.add("ListBuckets");
        }
    }

    /** The operation that names the call: the one that destroys if any, else the one that writes. */
    private static String mostSevere(ActionCatalog catalog, List<String> ops) {
        String best = ops.get(ops.size() - 1);
        Classification worst = catalog.operation("s3", best).classification();
        for (String op : ops) {
            Classification c = catalog.operation("s3", op).classification();
            if (c.ordinal() > worst.ordinal()) {
                worst = c;
                best = op;
            }
        }
        return best;
    }

    private static Map<String, Object> parameters(String command, Args a, S3Path first) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("Command", "s3 " + command);
        if (first != null && first.remote()) {
            params.put("Bucket", first.bucket());
            if (!first.key().isEmpty()) {
                params.put("Key", first.key());
            }
        }
        List<String> paths = new ArrayList<>();
        for (Word w : a.paths()) {
            paths.add(w.text());
        }
        params.put("Paths", paths);
        for (String f : a.flags()) {
            params.put(AwsCliNames.pascal(f), true);
        }
        a.options().forEach((k, v) -> params.put(AwsCliNames.pascal(k), v));
        return params;
    }

    private static void addBucket(List<String> resources, S3Path p, String partition) {
        if (p != null && p.remote()) {
            resources.add("arn:" + partition + ":s3:::" + p.bucket());
        }
    }

    private static void addObjects(List<String> resources, S3Path p, String partition, boolean wholePrefix) {
        if (p != null && p.remote()) {
            String arn = p.arn(partition, wholePrefix);
            if (!resources.contains(arn)) {
                resources.add(arn);
            }
        }
    }
}
