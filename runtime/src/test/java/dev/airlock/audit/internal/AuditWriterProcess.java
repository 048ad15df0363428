package dev.airlock.audit.internal;

import dev.airlock.audit.AuditFixtures;
import dev.airlock.audit.AuditLog;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A process that writes an audit file, for tests that need a second JVM: {@code steady FILE} records one read
 * per millisecond until killed (at most 60 s); {@code count FILE N} records N decisions and exits cleanly.
 */
public final class AuditWriterProcess {

    public static void main(String[] args) {
        String mode = args[0];
        Path file = Path.of(args[1]);
        AuditLog log = AuditLog.toFile(file, AuditFixtures.ALICE);
        if (mode.equals("steady")) {
            log.record(AuditFixtures.read("ListBuckets"));
            log.flush();
            System.out.println("ready");
            System.out.flush();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < end) {
                log.record(AuditFixtures.read("GetObject"));
                LockSupport.parkNanos(1_000_000);
            }
        } else {
            int n = Integer.parseInt(args[2]);
            for (int i = 0; i < n; i++) {
                log.record(i % 10 == 0 ? AuditFixtures.heldDelete(5) : AuditFixtures.read("GetObject"));
            }
        }
        log.close();
    }
}
