package dev.airlock.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The results as Markdown tables, each target with what was measured against it, and the headline. */
final class Report {

    private static final String NONE = "no agent";
    private static final String EMPTY = "empty agent";
    private static final String AIRLOCK = "Airlock";
    private static final String OTEL = "OpenTelemetry";
    private static final String BOTH = "OpenTelemetry + Airlock";

    private final StringBuilder body = new StringBuilder();
    private final List<String> targets = new ArrayList<>();
    private final String machine;
    private final String loadAtStart;
    private final boolean quick;
    private Double readAdded;
    private Double readAddedByOtel;
    private Double startAdded;
    private Double otelStartAdded;
    private String footer = "";

    Report(String machine, boolean quick) {
        this.machine = machine;
        this.loadAtStart = Machine.loadAverage();
        this.quick = quick;
    }

    void readCalls(Map<String, Map<String, JmhRounds.Measured>> bySetup) {
        body.append("## Read calls: what an agent adds\n\n")
                .append("µs per call, the median of every measured iteration of every fork (the mean and its 99.9% ")
                .append("confidence interval are in the second table). \"Adds\" is the set-up's median minus the ")
                .append("no-agent median of the same run. *Loopback*: the default HTTP client and the loopback ")
                .append("responder. *In memory*: the same calls through an HTTP client that answers in memory, so the ")
                .append("SDK's whole pipeline runs without the loopback round trip, whose jitter on this shared machine ")
                .append("is far larger than what is measured; the OpenTelemetry agent then adds only its AWS SDK ")
                .append("instrumentation, not its HTTP client's.\n\n")
                .append("| call | no agent | Airlock | OpenTelemetry | OTel + Airlock | Airlock adds | OTel adds "
                        + "| Airlock / OTel | Airlock on top of OTel |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        StringBuilder means = new StringBuilder("| call | no agent | Airlock | OpenTelemetry | OTel + Airlock |\n"
                + "|---|---:|---:|---:|---:|\n");
        double[] airlockSum = new double[2];
        double[] otelSum = new double[2];
        int[] calls = new int[2];
        for (String call : bySetup.get(NONE).keySet()) {
            JmhRounds.Measured none = bySetup.get(NONE).get(call);
            JmhRounds.Measured airlock = bySetup.get(AIRLOCK).get(call);
            JmhRounds.Measured otel = bySetup.get(OTEL).get(call);
            JmhRounds.Measured both = bySetup.get(BOTH).get(call);
            double airlockAdds = airlock.median() - none.median();
            double otelAdds = otel.median() - none.median();
            int transport = call.endsWith("InMemory") ? 1 : 0;
            airlockSum[transport] += airlockAdds;
            otelSum[transport] += otelAdds;
            calls[transport]++;
            body.append("| ").append(callName(call)).append(" | ").append(f2(none.median())).append(" | ")
                    .append(f2(airlock.median())).append(" | ").append(f2(otel.median())).append(" | ")
                    .append(f2(both.median())).append(" | ").append(signed2(airlockAdds)).append(" | ")
                    .append(signed2(otelAdds)).append(" | ").append(ratio(airlockAdds, otelAdds)).append(" | ")
                    .append(signed2(both.median() - otel.median())).append(" |\n");
            means.append("| ").append(callName(call)).append(" | ").append(pm(none)).append(" | ").append(pm(airlock))
                    .append(" | ").append(pm(otel)).append(" | ").append(pm(both)).append(" |\n");
        }
        double loopbackAirlock = airlockSum[0] / Math.max(1, calls[0]);
        double loopbackOtel = otelSum[0] / Math.max(1, calls[0]);
        readAdded = airlockSum[1] / Math.max(1, calls[1]);
        readAddedByOtel = otelSum[1] / Math.max(1, calls[1]);
        body.append("\nMean over both calls, in memory: Airlock adds ").append(f2(readAdded))
                .append(" µs, OpenTelemetry ").append(f2(readAddedByOtel)).append(" µs. Over the loopback: Airlock ")
                .append(f2(loopbackAirlock)).append(" µs, OpenTelemetry ").append(f2(loopbackOtel)).append(" µs.\n\n")
                .append("Means, µs per call ± 99.9% confidence interval:\n\n").append(means).append('\n');
        targets.add(target("A read: under 1 µs added", f2(readAdded) + " µs (in memory, mean of both calls' medians; "
                + "over the loopback " + f2(loopbackAirlock) + " µs)", readAdded < 1.0));
        targets.add(target("A read: under 1/4 of OTel's added time",
                ratio(readAdded, readAddedByOtel) + " of OTel's (in memory)", readAdded < readAddedByOtel / 4));
    }

    void guardedCalls(Map<String, Map<String, JmhRounds.Measured>> bySetup) {
        body.append("## Destructive calls: held and dry-run\n\n")
                .append("S3 DeleteObject, µs per call from the caller's side. Without an agent it is sent to the ")
                .append("loopback responder; with Airlock it never leaves the JVM: held for approval by the ")
                .append("built-in policy (audit record with the whole call, approval id, the exception with its ")
                .append("message), or in `mode=dry-run` recorded as a plan (one JSON line appended to the plan ")
                .append("file per call, plus the audit record).\n\n")
                .append("| set-up | outcome | µs per call |\n|---|---|---:|\n");
        String[] outcomes = {"sent", "held (HOLD)", "dry-run (DRY_RUN)"};
        int i = 0;
        for (Map.Entry<String, Map<String, JmhRounds.Measured>> e : bySetup.entrySet()) {
            JmhRounds.Measured m = e.getValue().values().iterator().next();
            body.append("| ").append(e.getKey()).append(" | ").append(outcomes[Math.min(i++, 2)]).append(" | ")
                    .append(pm(m)).append(" |\n");
        }
        body.append('\n');
    }

    void engine(Map<String, JmhRounds.Measured> results, Map<String, Double> perCpuSecond,
                Map<String, long[]> hookCpu) {
        body.append("## Engine, in-process\n\n")
                .append("Full decisions (`EngineBenchmark`: `Engine.decide`, policy then gates, audit and plans ")
                .append("discarded) on `OrganisationPolicy` of 1,000 and of 10,000 statements, in decisions per second ")
                .append("(mean ± 99.9% confidence interval). \"Cost ratio\" is the time per decision at 10,000 over ")
                .append("that at 1,000: logarithmic growth from 1,000 to 10,000 is at most log(10,000)/log(1,000) = ")
                .append("1.33.\n\n")
                .append("| benchmark | 1,000 statements | 10,000 statements | cost ratio |\n|---|---:|---:|---:|\n");
        double worst = Double.MAX_VALUE;
        double worstRatio = 0;
        Map<String, JmhRounds.Measured[]> bySize = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, JmhRounds.Measured> e : results.entrySet()) {
            String key = e.getKey();
            int at = key.indexOf(" [");
            if (at < 0 || !key.endsWith("000]") || key.startsWith("readHook")) {
                continue;
            }
            JmhRounds.Measured[] pair = bySize.computeIfAbsent(key.substring(0, at), k -> new JmhRounds.Measured[2]);
            pair[key.endsWith("[1000]") ? 0 : 1] = e.getValue();
        }
        for (Map.Entry<String, JmhRounds.Measured[]> e : bySize.entrySet()) {
            JmhRounds.Measured small = e.getValue()[0];
            JmhRounds.Measured large = e.getValue()[1];
            double ratio = small != null && large != null ? small.mean() / large.mean() : Double.NaN;
            body.append("| `").append(e.getKey()).append("` | ").append(small == null ? "" : pm(small))
                    .append(" | ").append(large == null ? "" : pm(large)).append(" | ")
                    .append(Double.isNaN(ratio) ? "" : f2(ratio)).append(" |\n");
            if (small != null) {
                worst = Math.min(worst, small.mean());
            }
            if (!Double.isNaN(ratio)) {
                worstRatio = Math.max(worstRatio, ratio);
            }
        }
        body.append("\nThe same decisions per second of the deciding thread's own CPU time (`EngineCpuCost`: a JVM per case and ")
                .append("size, the sizes of a case one after the other; one thread, a GC after the policy is read, ")
                .append("4 s warm-up, median of five 1 s windows), which the load of other processes on the shared ")
                .append("machine moves far less than wall-clock throughput. The engine targets are judged on this ")
                .append("table: decisions per second on one core.\n\n")
                .append("| case | 1,000 statements | 10,000 statements | cost ratio |\n|---|---:|---:|---:|\n");
        double worstCpu = Double.MAX_VALUE;
        double worstCpuRatio = 0;
        Map<String, double[]> cpuBySize = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Double> e : perCpuSecond.entrySet()) {
            String key = e.getKey();
            double[] pair = cpuBySize.computeIfAbsent(key.substring(0, key.indexOf(" [")), k -> new double[2]);
            pair[key.endsWith("[1000]") ? 0 : 1] = e.getValue();
        }
        for (Map.Entry<String, double[]> e : cpuBySize.entrySet()) {
            double small = e.getValue()[0];
            double large = e.getValue()[1];
            double ratio = small > 0 && large > 0 ? small / large : Double.NaN;
            body.append("| `").append(e.getKey()).append("` | ").append(String.format(Locale.ROOT, "%,.0f", small))
                    .append(" | ").append(String.format(Locale.ROOT, "%,.0f", large)).append(" | ")
                    .append(Double.isNaN(ratio) ? "" : f2(ratio)).append(" |\n");
            worstCpu = Math.min(worstCpu, small);
            worstCpuRatio = Double.isNaN(ratio) ? worstCpuRatio : Math.max(worstCpuRatio, ratio);
        }
        if (!perCpuSecond.isEmpty()) {
            worst = worstCpu;
            worstRatio = worstCpuRatio;
        }
        body.append("\nThe request made into a call, and the catalog look-up it starts with (`CatalogBenchmark`), ")
                .append("ns per call:\n\n| benchmark | ns |\n|---|---:|\n");
        for (String name : List.of("catalogLookup", "requestToCall")) {
            JmhRounds.Measured m = results.get(name);
            if (m != null) {
                body.append("| `").append(name).append("` | ").append(pm(m)).append(" |\n");
            }
        }
        body.append("\nThe agent's read hook on its own (`HookBenchmark`: the exact call the agent adds to the SDK, ")
                .append("a HeadObject of a team's bucket, audit written to a file), ns per call, by policy:\n\n")
                .append("| policy | ns per read |\n|---|---:|\n");
        double worstHook = 0;
        for (Map.Entry<String, JmhRounds.Measured> e : results.entrySet()) {
            if (e.getKey().startsWith("readHook")) {
                String policy = e.getKey().contains("[") ? e.getKey().substring(e.getKey().indexOf('[') + 1,
                        e.getKey().length() - 1) : "built-in";
                body.append("| ").append(policy).append(" | ").append(pm(e.getValue())).append(" |\n");
                if (!policy.startsWith("broker")) {
                    worstHook = Math.max(worstHook, e.getValue().mean());
                }
            }
        }
        body.append("\nThe same hook in CPU time (`EngineCpuCost hook`: in each of three JVMs 4 s warm-up and the median of "
                + "five 1 s windows; the median of the three JVMs), ns per ")
                .append("read: on the calling thread, and of the whole process, where the audit writer's formatting ")
                .append("and hashing of each record, the compiler and the collector come in too. The read target is ")
                .append("judged on the calling thread's time, on every policy in ambient mode; `broker-built-in` (the ")
                .append("built-in policy with `credentials.mode: broker`, every read decided from its request and ")
                .append("signed with the broker's read session, held in process here) is shown beside it.\n\n| policy | caller's thread | whole process |\n")
                .append("|---|---:|---:|\n");
        double worstHookCpu = 0;
        for (Map.Entry<String, long[]> e : hookCpu.entrySet()) {
            body.append("| ").append(e.getKey()).append(" | ").append(e.getValue()[0]).append(" | ")
                    .append(e.getValue()[1]).append(" |\n");
            if (!e.getKey().startsWith("broker")) {
                worstHookCpu = Math.max(worstHookCpu, e.getValue()[0]);
            }
        }
        body.append('\n');
        if (!hookCpu.isEmpty()) {
            worstHook = worstHookCpu;
        }
        if (worstHook > 0) {
            targets.add(target("A read: the agent's hook under 1 µs, audit on, every policy (`readHook`, caller's CPU)",
                    String.format(Locale.ROOT, "%.3f µs at the slowest", worstHook / 1000), worstHook < 1000));
        }
        if (worst < Double.MAX_VALUE) {
            targets.add(target("The engine: at least 2 million decisions per second on one core, 1,000 statements, "
                    + "every case", String.format(Locale.ROOT, "%.2f million per CPU second at the slowest", worst / 1e6),
                    worst >= 2e6));
        }
        if (worstRatio > 0) {
            targets.add(target("The engine: cost from 1,000 to 10,000 statements grows at most logarithmically (≤ 1.33)",
                    String.format(Locale.ROOT, "%.2f at the most", worstRatio), worstRatio <= 1.33));
        }
    }

    void startup(Map<StartupTimer.Program, Map<Agents.Setup, List<StartupTimer.Run>>> runs, boolean cpu) {
        int rounds = runs.values().iterator().next().values().iterator().next().size();
        body.append("## JVM start to exit\n\n")
                .append("A tool program (`benchmarks/tool`: build an S3 and a DynamoDB client with the SDK's default HTTP ")
                .append("client, one read with each against the loopback responder, close, exit), built once against ")
                .append("each SDK release. Programs and set-ups interleaved run by run after one untimed round; median ")
                .append("of ").append(rounds).append(" runs. Wall time from process start to exit; CPU time (user + ")
                .append("system, all threads) and peak RSS from GNU `time`. \"Above floor\" is the difference from ")
                .append("the empty agent's median, the JDK's own cost of any `-javaagent`.\n\n");
        if (!cpu) {
            body.append("*`/usr/bin/time` is not installed: CPU time and RSS were not measured.*\n\n");
        }
        String worstWall = null;
        double worstWallAdded = -1e9;
        double worstCpuAdded = -1e9;
        double worstRssAdded = -1e9;
        for (Map.Entry<StartupTimer.Program, Map<Agents.Setup, List<StartupTimer.Run>>> p : runs.entrySet()) {
            Map<String, double[]> medians = new java.util.LinkedHashMap<>();
            for (Map.Entry<Agents.Setup, List<StartupTimer.Run>> e : p.getValue().entrySet()) {
                List<StartupTimer.Run> r = e.getValue();
                medians.put(e.getKey().name(), new double[] {
                    StartupTimer.median(r.stream().mapToLong(StartupTimer.Run::wallMillis).toArray()),
                    StartupTimer.median(r.stream().mapToLong(StartupTimer.Run::cpuMillis).toArray()),
                    StartupTimer.median(r.stream().mapToLong(StartupTimer.Run::peakRssKiB).toArray()) / 1024});
            }
            double[] none = medians.get(NONE);
            double[] floor = medians.getOrDefault(EMPTY, none);
            body.append("### ").append(p.getKey().name()).append("\n\n")
                    .append("| set-up | wall ms | above no agent | above floor | CPU ms | above floor | peak RSS MiB "
                            + "| above no agent | every run's wall ms |\n|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
            for (Map.Entry<Agents.Setup, List<StartupTimer.Run>> e : p.getValue().entrySet()) {
                String name = e.getKey().name();
                double[] m = medians.get(name);
                boolean base = name.equals(NONE);
                body.append("| ").append(name).append(" | ").append(f0(m[0])).append(" | ")
                        .append(base ? "" : signed0(m[0] - none[0])).append(" | ")
                        .append(base || name.equals(EMPTY) ? "" : signed0(m[0] - floor[0])).append(" | ")
                        .append(cpu ? f0(m[1]) : "").append(" | ")
                        .append(cpu && !base && !name.equals(EMPTY) ? signed0(m[1] - floor[1]) : "").append(" | ")
                        .append(cpu ? f1(m[2]) : "").append(" | ")
                        .append(cpu && !base ? signed1(m[2] - none[2]) : "").append(" | ")
                        .append(e.getValue().stream().map(x -> Long.toString(x.wallMillis()))
                                .collect(Collectors.joining(", "))).append(" |\n");
            }
            double[] airlock = medians.get(AIRLOCK);
            double[] otel = medians.get(OTEL);
            double wallAdded = airlock[0] - floor[0];
            if (wallAdded > worstWallAdded) {
                worstWallAdded = wallAdded;
                worstWall = p.getKey().name();
            }
            worstCpuAdded = Math.max(worstCpuAdded, airlock[1] - floor[1]);
            worstRssAdded = Math.max(worstRssAdded, airlock[2] - none[2]);
            if (startAdded == null || airlock[0] - none[0] > startAdded) {
                startAdded = airlock[0] - none[0];
            }
            body.append("\nAirlock adds ").append(signed0(airlock[0] - none[0])).append(" ms wall (")
                    .append(signed0(wallAdded)).append(" ms above the empty agent)");
            if (cpu) {
                body.append(", ").append(signed0(airlock[1] - floor[1])).append(" ms CPU above the empty agent, ")
                        .append(signed1(airlock[2] - none[2])).append(" MiB peak RSS");
            }
            if (otel != null) {
                body.append("; OpenTelemetry adds ").append(signed0(otel[0] - none[0])).append(" ms wall");
                otelStartAdded = Math.max(otelStartAdded == null ? 0 : otelStartAdded, otel[0] - none[0]);
            }
            body.append(".\n\n");
        }
        targets.add(target("JVM start: under 100 ms wall added above the empty agent, both programs",
                signed0(worstWallAdded) + " ms (" + worstWall + ", the larger)", worstWallAdded < 100));
        if (cpu) {
            targets.add(target("JVM start: under 150 ms CPU added above the empty agent, both programs",
                    signed0(worstCpuAdded) + " ms at the most", worstCpuAdded < 150));
            targets.add(target("Memory: at most 32 MiB of added peak RSS", signed1(worstRssAdded) + " MiB at the most",
                    worstRssAdded <= 32));
        }
        if (otelStartAdded != null) {
            targets.add(target("JVM start: under 1/10 of OTel's addition", ratio(startAdded, otelStartAdded)
                    + " of OTel's", startAdded < otelStartAdded / 10));
        }
    }

    void memory(Map<String, Map<String, Long>> bySetup, int reads, Path airlockJar, Path otelJar) throws IOException {
        body.append("## Memory\n\n")
                .append("A child JVM (`-Xmx256m -XX:+UseSerialGC`) makes ").append(reads).append(" reads, waits ")
                .append("for the audit writer, collects garbage four times, then reports (smallest of its runs). ")
                .append("`dev.airlock.*` is the class histogram's total for Airlock's own classes, its relocated ")
                .append("libraries included.\n\n")
                .append("| set-up | heap used after GC | adds | `dev.airlock.*` objects | loaded classes | metaspace "
                        + "| threads |\n|---|---:|---:|---:|---:|---:|---:|\n");
        long noneHeap = bySetup.get(NONE).getOrDefault("heapUsedBytes", 0L);
        for (Map.Entry<String, Map<String, Long>> e : bySetup.entrySet()) {
            Map<String, Long> v = e.getValue();
            long heap = v.getOrDefault("heapUsedBytes", 0L);
            body.append("| ").append(e.getKey()).append(" | ").append(mib(heap)).append(" | ")
                    .append(e.getKey().equals(NONE) ? "" : signedMib(heap - noneHeap)).append(" | ")
                    .append(mib(v.getOrDefault("airlockHistogramBytes", 0L))).append(" in ")
                    .append(v.getOrDefault("airlockHistogramInstances", 0L)).append(" | ")
                    .append(v.getOrDefault("loadedClasses", 0L)).append(" | ")
                    .append(mib(v.getOrDefault("metaspaceBytes", 0L))).append(" | ")
                    .append(v.getOrDefault("threads", 0L)).append(" |\n");
        }
        long airlockHeap = bySetup.get(AIRLOCK).getOrDefault("heapUsedBytes", 0L) - noneHeap;
        targets.add(target("Memory: at most 16 MiB of agent heap (heap after GC, above no agent)",
                signedMib(airlockHeap), airlockHeap <= 16L << 20));
        body.append("\nAgent jars: `airlock-agent.jar` ").append(mib(Files.size(airlockJar)))
                .append(", `opentelemetry-javaagent.jar` ").append(mib(Files.size(otelJar))).append(".\n\n");
    }

    void finish(Duration took, String loadAtEnd) {
        footer = "Took " + took.toMinutes() + " min " + took.toSecondsPart() + " s. Load average (1, 5, 15 min): "
                + loadAtStart + " at the start, " + loadAtEnd + " at the end.\n";
    }

    String headline() {
        if (readAdded == null || startAdded == null) {
            return null;
        }
        return "adds " + f2(readAdded) + " µs to a read (OTel: " + f2(readAddedByOtel) + " µs), "
                + signed0(startAdded) + " ms to JVM start";
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# Results\n\n");
        md.append(machine).append(".\n\n");
        if (quick) {
            md.append("**Quick run (`--quick`): one short fork per set-up; a check of the set-up, not a measurement.**\n\n");
        }
        String headline = headline();
        if (headline != null) {
            md.append("Headline: Airlock ").append(headline).append(".\n\n");
        }
        if (!targets.isEmpty()) {
            md.append("| target | measured | met |\n|---|---|---|\n");
            targets.forEach(md::append);
            md.append('\n');
        }
        return md.append(body).append(footer).toString();
    }

    private static String target(String what, String measured, boolean met) {
        return "| " + what + " | " + measured + " | " + (met ? "yes" : "**no**") + " |\n";
    }

    private static String callName(String method) {
        return switch (method) {
            case "s3HeadObject" -> "S3 HeadObject, loopback";
            case "dynamoDbGetItem" -> "DynamoDB GetItem, loopback";
            case "s3HeadObjectInMemory" -> "S3 HeadObject, in memory";
            case "dynamoDbGetItemInMemory" -> "DynamoDB GetItem, in memory";
            default -> method;
        };
    }

    private static String pm(JmhRounds.Measured m) {
        double v = m.mean();
        String digits = v >= 1e5 ? "%,.0f" : v >= 100 ? "%.1f" : "%.2f";
        String text = String.format(Locale.ROOT, digits, v);
        return Double.isNaN(m.error()) ? text : text + " ± " + String.format(Locale.ROOT, digits, m.error());
    }

    /** The difference of two means, ± the two errors combined. */
    private static String diff(JmhRounds.Measured a, JmhRounds.Measured b) {
        double d = a.mean() - b.mean();
        double e = Math.sqrt(sq(a.error()) + sq(b.error()));
        return (d >= 0 ? "+" : "") + f2(d) + (Double.isNaN(e) ? "" : " ± " + f2(e));
    }

    private static String ratio(double part, double whole) {
        if (whole <= 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.2f", part / whole);
    }

    private static double sq(double v) {
        return v * v;
    }

    private static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String signed2(double v) {
        return (v >= 0 ? "+" : "") + f2(v);
    }

    private static String f0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String signed1(double v) {
        return (v >= 0 ? "+" : "") + f1(v);
    }

    private static String signed0(double v) {
        return (v >= 0 ? "+" : "") + f0(v);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.2f MiB", bytes / (1024.0 * 1024));
    }

    private static String signedMib(long bytes) {
        return (bytes >= 0 ? "+" : "") + mib(bytes);
    }
}
