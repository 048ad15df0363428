package dev.airlock.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import javax.management.ObjectName;

/**
 * Run in a child JVM by {@link MemoryMeasurement}: warms up with reads against the loopback responder, lets
 * Airlock's audit writer catch up, collects garbage, then prints what the heap retains, as {@code key=value}
 * lines: used heap, Airlock's own objects by the class histogram ({@code dev.airlock.*}, its relocated
 * libraries included), loaded classes, metaspace and live threads.
 */
public final class MemoryProbe {

    private MemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        int calls = Integer.parseInt(args[1]);
        try (SdkClients clients = SdkClients.at(args[0])) {
            for (int i = 0; i < calls; i++) {
                clients.s3().headObject(SdkClients.HEAD_OBJECT);
                clients.dynamoDb().getItem(SdkClients.GET_ITEM);
            }
            Thread.sleep(500); // the audit writer drains its queue every 25 ms
            for (int i = 0; i < 4; i++) {
                System.gc();
                Thread.sleep(100);
            }
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {null}, new String[] {String[].class.getName()});
            long airlockBytes = 0;
            long airlockInstances = 0;
            for (String line : histogram.split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 4 && f[3].startsWith("dev.airlock.")) {
                    airlockInstances += Long.parseLong(f[1]);
                    airlockBytes += Long.parseLong(f[2]);
                }
            }
            long metaspace = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getName().equals("Metaspace")) {
                    metaspace = pool.getUsage().getUsed();
                }
            }
            System.out.println("heapUsedBytes=" + used);
            System.out.println("airlockHistogramBytes=" + airlockBytes);
            System.out.println("airlockHistogramInstances=" + airlockInstances);
            System.out.println("loadedClasses=" + ManagementFactory.getClassLoadingMXBean().getLoadedClassCount());
            System.out.println("metaspaceBytes=" + metaspace);
            System.out.println("threads=" + ManagementFactory.getThreadMXBean().getThreadCount());
        }
    }
}
