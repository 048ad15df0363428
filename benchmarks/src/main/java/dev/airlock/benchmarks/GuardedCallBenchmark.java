package dev.airlock.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * A destructive call (S3 DeleteObject) from the caller's side: without an agent it is sent; with Airlock it is
 * held for approval (the built-in policy) or, in {@code mode=dry-run}, recorded as a plan. Either way the caller
 * gets an exception that says so. The suite runs one fork set per mode and checks the outcome first.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GuardedCallBenchmark {

    /** The outcome the suite expects in this fork: {@code SENT}, {@code HOLD} or {@code DRY_RUN}. */
    public static final String EXPECT_PROPERTY = "bench.expect";

    private SdkClients clients;

    @Setup(Level.Trial)
    public void connect() {
        clients = SdkClients.fromSystemProperty();
        String expected = System.getProperty(EXPECT_PROPERTY, "SENT");
        String actual = outcomeOf(clients.deleteObject());
        if (!actual.equals(expected)) {
            throw new IllegalStateException("DeleteObject: expected " + expected + ", got " + actual);
        }
    }

    @TearDown(Level.Trial)
    public void disconnect() {
        clients.close();
    }

    @Benchmark
    public SdkException s3DeleteObject() {
        return clients.deleteObject();
    }

    private static String outcomeOf(SdkException e) {
        if (e == null) {
            return "SENT";
        }
        try {
            return String.valueOf(e.getClass().getMethod("outcome").invoke(e));
        } catch (ReflectiveOperationException notAirlocks) {
            return "FAILED " + e;
        }
    }
}
