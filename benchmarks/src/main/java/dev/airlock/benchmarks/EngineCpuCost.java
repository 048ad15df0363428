package dev.airlock.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The engine's decisions per second of CPU time on one thread, for the same cases as {@link EngineBenchmark}.
 * Wall-clock throughput on a shared 2-core machine measures the other processes as much as the engine; the time
 * the thread itself spent on the CPU does not. Run in a child JVM per policy size, so that the compiler sees one
 * policy; prints {@code case [size]=decisions per CPU second} lines.
 *
 * <p>Arguments: the policy sizes, then optionally {@code --case=NAME} to measure that case alone. The suite runs
 * each case in a JVM of its own, the sizes of a case one after the other: in one JVM the first case was measured
 * right after the larger policy was parsed, in a heap of its garbage and with the compiler still at work on the
 * parser, and later cases inherited code compiled for the earlier ones.
 */
public final class EngineCpuCost {

    private static final long WARM_UP_NANOS = 4_000_000_000L;
    private static final long WINDOW_NANOS = 1_000_000_000L;
    private static final int WINDOWS = 5;

    private EngineCpuCost() {
    }

    /** The cases, in the order the suite runs them. */
    public static final java.util.List<String> CASES = java.util.List.of("s3Read", "s3ReadATeamStatementAllows",
            "dynamoDbRead", "dynamoDbReadATeamStatementAllows");

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("hook")) {
            hook(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String only = null;
        java.util.List<String> sizes = new java.util.ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--case=")) {
                only = arg.substring("--case=".length());
            } else {
                sizes.add(arg);
            }
        }
        for (String size : sizes) {
            EngineBenchmark b = new EngineBenchmark();
            b.statements = Integer.parseInt(size);
            b.start();
            // The parse's garbage collected before the clock starts, not during the first case's windows.
            System.gc();
            Map<String, Supplier<Object>> cases = new LinkedHashMap<>();
            cases.put("s3Read", b::s3Read);
            cases.put("s3ReadATeamStatementAllows", b::s3ReadATeamStatementAllows);
            cases.put("dynamoDbRead", b::dynamoDbRead);
            cases.put("dynamoDbReadATeamStatementAllows", b::dynamoDbReadATeamStatementAllows);
            if (only != null) {
                cases.keySet().retainAll(java.util.Set.of(only));
                if (cases.isEmpty()) {
                    throw new IllegalArgumentException("no engine case " + only);
                }
            }
            for (Map.Entry<String, Supplier<Object>> c : cases.entrySet()) {
                Supplier<Object> decide = c.getValue();
                Object sink = null;
                long end = System.nanoTime() + WARM_UP_NANOS;
                while (System.nanoTime() < end) {
                    for (int i = 0; i < 1000; i++) {
                        sink = decide.get();
                    }
                }
                double[] rates = new double[WINDOWS];
                for (int w = 0; w < WINDOWS; w++) {
                    long ops = 0;
                    long cpu0 = threads.getCurrentThreadCpuTime();
                    end = System.nanoTime() + WINDOW_NANOS;
                    while (System.nanoTime() < end) {
                        for (int i = 0; i < 1000; i++) {
                            sink = decide.get();
                        }
                        ops += 1000;
                    }
                    rates[w] = ops / ((threads.getCurrentThreadCpuTime() - cpu0) / 1e9);
                }
                Arrays.sort(rates);
                System.out.println(c.getKey() + " [" + size + "]=" + Math.round(rates[WINDOWS / 2])
                        + (sink == null ? " (no decision)" : ""));
            }
            b.stop();
        }
    }

    /**
     * The agent's read hook ({@link HookBenchmark}) by policy: CPU nanoseconds per read on the calling thread, and
     * of the whole process (the audit writer, the compiler and the collector included), as
     * {@code readHook [policy] thread=NS process=NS} lines.
     */
    private static void hook(String[] policies) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (String policy : policies) {
            HookBenchmark b = new HookBenchmark();
            b.policy = policy;
            b.start();
            long end = System.nanoTime() + WARM_UP_NANOS;
            while (System.nanoTime() < end) {
                for (int i = 0; i < 1000; i++) {
                    b.readHook();
                }
            }
            double[] thread = new double[WINDOWS];
            double[] process = new double[WINDOWS];
            for (int w = 0; w < WINDOWS; w++) {
                long ops = 0;
                long cpu0 = threads.getCurrentThreadCpuTime();
                long all0 = os.getProcessCpuTime();
                end = System.nanoTime() + WINDOW_NANOS;
                while (System.nanoTime() < end) {
                    for (int i = 0; i < 1000; i++) {
                        b.readHook();
                    }
                    ops += 1000;
                }
                thread[w] = (threads.getCurrentThreadCpuTime() - cpu0) / (double) ops;
                process[w] = (os.getProcessCpuTime() - all0) / (double) ops;
            }
            b.stop();
            Arrays.sort(thread);
            Arrays.sort(process);
            System.out.println("readHook [" + policy + "] thread=" + Math.round(thread[WINDOWS / 2]) + " process="
                    + Math.round(process[WINDOWS / 2]));
        }
    }
}
