package dev.airlock.demo;

import dev.airlock.audit.AuditChain;
import dev.airlock.it.harness.AirlockSettings;
import dev.airlock.it.harness.AuditTrail;
import dev.airlock.it.harness.Backend;
import dev.airlock.it.harness.BuildPaths;
import dev.airlock.it.harness.EnvironmentFixture;
import dev.airlock.it.harness.EnvironmentFixture.Inventory;
import dev.airlock.it.harness.GuardedJvm;
import dev.airlock.it.harness.LocalServers;
import dev.airlock.it.harness.RunningJvm;
import dev.airlock.it.harness.ToolRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo: an unmodified AI tool, asked to reset a test environment, tries to delete a bucket, a table and a
 * queue. It runs under the Airlock agent against local AWS-compatible servers; no AWS account, no Docker.
 *
 * <p>Exit codes: 0 everything survived; 1 something was lost; 2 the demo could not run.
 */
public final class Demo {

    private static final String BUCKET = "customer-data";
    private static final String TABLE = "customer-orders";
    private static final String QUEUE = "billing-jobs";
    private static final int OBJECTS = 25;
    private static final int ITEMS = 12;
    private static final int MESSAGES = 8;

    private static final Pattern PLAN = Pattern.compile("Plan: (.+?)\\.(?= Approval id:| Next:|$)");

    private final PrintStream out;
    private boolean shownOneAirlockMessageInFull;

    private Demo(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        int code;
        try {
            code = new Demo(out).run();
        } catch (Exception | LinkageError e) {
            out.println();
            out.println("The demo could not run: " + e);
            code = 2;
        }
        out.flush();
        // The embedded servers keep non-daemon threads; the demo is over.
        System.exit(code);
    }

    private int run() throws Exception {
        Path agentJar = BuildPaths.agentJar();
        out.println();
        out.println("Airlock demo");
        out.println("============");
        out.println("An AI tool is asked to \"reset the test environment\". It will try to delete a bucket of "
                + OBJECTS + " objects,");
        out.println("a table of " + ITEMS + " orders and a queue of " + MESSAGES
                + " jobs, then recreate them empty. Airlock guards it.");
        out.println();

        step(1, "Starting local AWS-compatible servers (S3Mock, DynamoDB Local, ElasticMQ)");
        long t0 = System.nanoTime();
        Backend backend = quietly(LocalServers::shared);
        out.printf("      ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);

        try (EnvironmentFixture fixture = EnvironmentFixture.named(backend, BUCKET, TABLE, QUEUE)) {
            step(2, "Seeding the environment");
            fixture.seed(OBJECTS, ITEMS, MESSAGES);
            Inventory before = fixture.inventory();
            out.println("      bucket " + BUCKET + ": " + before.objectKeys().size() + " objects");
            out.println("      table  " + TABLE + ": " + before.itemIds().size() + " items");
            out.println("      queue  " + QUEUE + ": " + before.messages() + " messages");

            Path work = BuildPaths.freshWorkDir("demo");
            AirlockSettings settings = AirlockSettings.inWorkDir(work);
            step(3, "Running the tool, unmodified, with the Airlock agent");
            out.println("      java -javaagent:" + relative(agentJar) + "=" + settings.agentArguments().replace(
                    work.toString(), relative(work)));
            out.println("           -cp <the tool and the AWS SDK, nothing else> "
                    + "dev.airlock.sample.EnvironmentResetTool");
            out.println();
            ToolRun run = runTool(agentJar, settings, fixture);
            List<String> airlockConsole = run.stderr().stream().filter(l -> l.startsWith("[airlock]")).toList();
            airlockConsole.forEach(l -> out.println("  jvm  | " + l));
            out.println();
            if (run.exitCode() != 0) {
                out.println("      the tool exited with code " + run.exitCode());
                run.stderr().stream().filter(l -> !l.startsWith("SLF4J")).forEach(l -> out.println("  err  | " + l));
            }

            step(4, "What Airlock did, from its audit file " + relative(settings.auditFile()));
            reportAudit(AuditTrail.read(settings.auditFile()));
            reportPlans(run);
            AuditChain.Verification chain = AuditChain.verify(settings.auditFile());
            out.println();
            out.println("      Audit chain: " + (chain.ok()
                    ? "intact, " + chain.records() + " records verified"
                    : "BROKEN at line " + chain.brokenLine() + ": " + chain.fault()));
            out.println("      (check it yourself: java -jar runtime/target/airlock.jar audit verify "
                    + relative(settings.auditFile()) + ")");

            step(5, "Before and after, counted through the servers (not through the tool)");
            Inventory after = fixture.inventory();
            out.println("                   before   after");
            out.printf("      objects    %8d %7d%n", before.objectKeys().size(), after.objectKeys().size());
            out.printf("      items      %8d %7d%n", before.itemIds().size(), after.itemIds().size());
            out.printf("      messages   %8d %7d%n", before.messages(), after.messages());
            out.println();
            boolean survived = after.missing().isEmpty()
                    && after.objectKeys().equals(before.objectKeys())
                    && after.itemIds().equals(before.itemIds())
                    && after.messages() == before.messages();
            if (survived) {
                out.println("Every object, item and message survived. The tool's reads worked; its deletes were held.");
                return 0;
            }
            out.println("DATA WAS LOST: " + after.summary());
            return 1;
        }
    }

    private ToolRun runTool(Path agentJar, AirlockSettings settings, EnvironmentFixture fixture) throws Exception {
        GuardedJvm jvm = GuardedJvm.sampleTool()
                .withAgent(agentJar, settings.agentArguments())
                .environment(fixture.backend().environment())
                .arguments(fixture.toolArguments())
                .onOutputLine(this::printToolLine);
        try (RunningJvm child = jvm.start()) {
            return child.await(Duration.ofMinutes(3));
        }
    }

    /** The first message from Airlock in full, so the reader sees what the tool was told; the rest in short. */
    private void printToolLine(String line) {
        if (line.contains("Airlock") && !shownOneAirlockMessageInFull) {
            shownOneAirlockMessageInFull = true;
            List<String> wrapped = wrap(line, 110);
            out.println("  tool | " + wrapped.get(0));
            wrapped.subList(1, wrapped.size()).forEach(l -> out.println("       |     " + l));
            return;
        }
        out.println("  tool | " + abbreviate(line, 130));
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" ")) {
            if (current.length() > 0 && current.length() + 1 + word.length() > width) {
                lines.add(current.toString());
                current.setLength(0);
            }
            current.append(current.length() == 0 ? "" : " ").append(word);
        }
        lines.add(current.toString());
        return lines;
    }

    private void reportAudit(AuditTrail audit) {
        if (audit.entries().isEmpty()) {
            out.println("      (no audit records: " + audit.describe().trim() + ")");
            return;
        }
        int reads = 0;
        // Every call that changed something and went through is named, with what it changed; alike ones counted.
        Map<String, Integer> writes = new LinkedHashMap<>();
        for (AuditTrail.Entry e : audit.entries()) {
            String verdict = e.verdict();
            if ("PROCEED".equals(verdict)) {
                if ("READ".equals(e.field("classification"))) {
                    reads++;
                } else {
                    String write = String.format("%-15s %-22s %s", e.operation(), e.action(), resources(e));
                    writes.merge(write.stripTrailing(), 1, Integer::sum);
                }
                continue;
            }
            String approval = e.field("approvalId");
            out.printf("      %-8s %-15s %-22s %s%s%n", verdict, e.operation(), e.action(), resources(e),
                    approval == null ? "" : "  approval " + approval);
        }
        writes.forEach((write, times) -> out.println("      PROCEED  " + write + (times == 1 ? "" : "  (" + times
                + " times)")));
        out.println("      PROCEED  " + reads + " reads went through untouched" + (writes.isEmpty() ? ""
                : "; the writes above went through, audited"));
    }

    private static String resources(AuditTrail.Entry e) {
        var node = e.json().findValue("resources");
        if (node == null || !node.isArray() || node.isEmpty()) {
            return "";
        }
        String first = node.get(0).asText();
        return node.size() == 1 ? first : first + " and " + (node.size() - 1) + " more";
    }

    private void reportPlans(ToolRun run) {
        Set<String> plans = new LinkedHashSet<>();
        for (String line : run.stdout()) {
            Matcher m = PLAN.matcher(line);
            if (m.find()) {
                plans.add(m.group(1));
            }
        }
        if (plans.isEmpty()) {
            return;
        }
        out.println();
        out.println("      The plan: what the held calls would have done");
        plans.forEach(p -> out.println("        - " + abbreviate(p, 140)));
    }

    private void step(int n, String title) {
        out.println();
        out.println("[" + n + "/5] " + title);
    }

    /** Runs {@code action} with the servers' start-up chatter kept off the console; shows it only on failure. */
    private <T> T quietly(java.util.concurrent.Callable<T> action) throws Exception {
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        ByteArrayOutputStream chatter = new ByteArrayOutputStream();
        PrintStream sink = new PrintStream(chatter, true, StandardCharsets.UTF_8);
        System.setOut(sink);
        System.setErr(sink);
        try {
            return action.call();
        } catch (Exception e) {
            realErr.print(chatter.toString(StandardCharsets.UTF_8));
            throw e;
        } finally {
            System.setOut(realOut);
            System.setErr(realErr);
        }
    }

    private static String relative(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
