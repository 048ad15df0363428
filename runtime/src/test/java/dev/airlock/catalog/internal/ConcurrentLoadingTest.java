package dev.airlock.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.catalog.Operation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ConcurrentLoadingTest {

    @Test
    @Timeout(30)
    void threadsRacingOnAServicesFirstUseSeeOneAnswer() throws Exception {
        BuiltInCatalog catalog = new BuiltInCatalog(
                new CatalogFiles(getClass().getClassLoader(), CatalogFiles.DEFAULT_LOCATION));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Operation>> answers = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                Callable<Operation> task = () -> {
                    start.await();
                    catalog.action("ec2:TerminateInstances");
                    return catalog.operation("ec2", "TerminateInstances");
                };
                answers.add(pool.submit(task));
            }
            start.countDown();
            HashSet<Operation> distinct = new HashSet<>();
            for (Future<Operation> answer : answers) {
                distinct.add(answer.get(20, TimeUnit.SECONDS));
            }
            assertThat(distinct).hasSize(1);
            assertThat(distinct.iterator().next().known()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }
}
