package dev.airlock.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** What the results were measured on, for the report. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        String cpu = "unknown CPU";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the rest still says enough
        }
        long memoryGiB = 0;
        try {
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            memoryGiB = Math.round(os.getTotalMemorySize() / (1024.0 * 1024 * 1024));
        } catch (RuntimeException | LinkageError e) {
            // left as 0
        }
        return String.format("%s, %d cores, %d GiB; %s %s; Java %s (%s); %s", cpu,
                Runtime.getRuntime().availableProcessors(), memoryGiB, System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")));
    }

    /** The 1, 5 and 15 minute load averages, or a note that they are not known. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException | RuntimeException e) {
            return String.format("%.2f (1 min)", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
