package dev.airlock.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;

/**
 * A small "AI tool" of the kind Airlock exists for: asked to reset a test environment, it looks at what is
 * there, then deletes everything and recreates it. Plain AWS SDK code that knows nothing of Airlock.
 *
 * <p>It prints one line per step, {@code OPERATION TARGET: ok - DETAIL} or {@code OPERATION TARGET: FAILED -
 * EXCEPTION: MESSAGE}, carries on after a failure as tools do, and exits 0 when it has tried every step.
 */
public final class EnvironmentResetTool {

    /** Printed once the clients are built, when the tool waits for a go-ahead line. */
    public static final String READY_LINE = "READY: clients built, waiting for a line on standard input";

    private final ToolOptions options;
    private final Infrastructure infra;
    private final PrintStream out;
    private int steps;
    private int succeeded;

    public EnvironmentResetTool(ToolOptions options, Infrastructure infra, PrintStream out) {
        this.options = options;
        this.infra = infra;
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        ToolOptions options;
        try {
            options = ToolOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("environment-reset-tool: " + e.getMessage());
            System.err.println(ToolOptions.USAGE);
            System.exit(2);
            return;
        }
        run(options, ClientOverrideConfiguration.builder().build(), System.out);
    }

    /** Runs the tool with clients built from {@code options}, each with {@code overrides} applied. */
    public static void run(ToolOptions options, ClientOverrideConfiguration overrides, PrintStream out)
            throws IOException {
        try (Infrastructure infra = Infrastructure.connect(options, overrides)) {
            new EnvironmentResetTool(options, infra, out).run();
        }
    }

    public void run() throws IOException {
        out.println("environment-reset-tool: resetting bucket " + options.bucket() + ", table " + options.table()
                + " and queue " + options.queue() + " (" + (options.async() ? "async" : "sync") + " clients)");
        if (options.waitForGo()) {
            step("ListBuckets (warm-up)", () -> {
                infra.warmUp();
                return "";
            }, x -> "SDK ready");
            out.println(READY_LINE);
            out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }

        String bucket = options.bucket();
        String table = options.table();
        String queue = options.queue();

        List<String> keys = step("ListObjectsV2 " + bucket, () -> infra.listObjectKeys(bucket),
                k -> k.size() + " objects: " + preview(k));
        step("Scan " + table, () -> infra.scanItemIds(table), ids -> ids.size() + " items: " + preview(ids));
        String queueUrl = step("GetQueueUrl " + queue, () -> infra.queueUrl(queue), url -> url);
        if (queueUrl != null) {
            step("GetQueueAttributes " + queue, () -> infra.queueDepth(queueUrl), n -> n + " messages");
            step("ReceiveMessage " + queue, () -> infra.peekMessages(queueUrl),
                    bodies -> "peeked " + bodies.size() + " messages: " + preview(bodies));
        }

        out.println("environment-reset-tool: deleting everything, then recreating it");
        if (keys != null && !keys.isEmpty()) {
            for (int from = 0; from < keys.size(); from += 1000) {
                List<String> batch = keys.subList(from, Math.min(keys.size(), from + 1000));
                step("DeleteObjects " + bucket + " (" + batch.size() + " keys)",
                        () -> infra.deleteObjects(bucket, batch), n -> n + " objects deleted");
            }
        }
        step("DeleteBucket " + bucket, () -> done(() -> infra.deleteBucket(bucket)), x -> "deleted");
        step("DeleteTable " + table, () -> done(() -> infra.deleteTable(table)), x -> "deleted");
        if (queueUrl != null) {
            step("PurgeQueue " + queue, () -> done(() -> infra.purgeQueue(queueUrl)), x -> "purged");
            step("DeleteQueue " + queue, () -> done(() -> infra.deleteQueue(queueUrl)), x -> "deleted");
        }
        step("CreateBucket " + bucket, () -> done(() -> infra.createBucket(bucket)), x -> "created");
        step("CreateTable " + table, () -> done(() -> infra.createTable(table)), x -> "created");
        step("CreateQueue " + queue, () -> infra.createQueue(queue), url -> url);

        out.println("environment-reset-tool: finished, " + succeeded + " of " + steps + " steps succeeded");
    }

    /** Runs one step and prints its line; returns the result, or null when the step failed. */
    private <T> T step(String name, Callable<T> action, Function<T, String> describe) {
        steps++;
        try {
            T result = action.call();
            succeeded++;
            out.println(name + ": ok - " + oneLine(describe.apply(result)));
            return result;
        } catch (Exception e) {
            out.println(name + ": FAILED - " + e.getClass().getSimpleName() + ": " + oneLine(e.getMessage()));
            return null;
        }
    }

    private static Boolean done(Runnable call) {
        call.run();
        return Boolean.TRUE;
    }

    private static String preview(List<String> values) {
        if (values.size() <= 3) {
            return String.join(", ", values);
        }
        return String.join(", ", values.subList(0, 3)) + ", ... (" + (values.size() - 3) + " more)";
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replace('\r', ' ').replace('\n', ' ');
    }
}
