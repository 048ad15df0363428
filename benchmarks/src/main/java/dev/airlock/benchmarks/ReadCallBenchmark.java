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
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * One read call through the AWS SDK v2, the whole way: request marshalling, signing, the default HTTP client,
 * the loopback responder, response parsing. The suite runs it in forks without an agent, with Airlock, with
 * the OpenTelemetry agent and with both; the difference between forks is what an agent adds to a read.
 *
 * <p>The {@code ...InMemory} variants make the same calls through an HTTP client that answers in memory
 * ({@link InMemoryHttpClient}): the SDK's whole pipeline without the loopback round trip, whose jitter on a
 * small shared machine is larger than what is measured.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReadCallBenchmark {

    private SdkClients clients;
    private SdkClients inMemory;

    @Setup(Level.Trial)
    public void connect() {
        clients = SdkClients.fromSystemProperty();
        inMemory = SdkClients.inMemory();
        // Fail here, not in the measurement, when the responder or an agent gets in the way of a read.
        for (SdkClients c : new SdkClients[] {clients, inMemory}) {
            c.s3().headObject(SdkClients.HEAD_OBJECT);
            c.dynamoDb().getItem(SdkClients.GET_ITEM);
        }
    }

    @TearDown(Level.Trial)
    public void disconnect() {
        clients.close();
        inMemory.close();
    }

    @Benchmark
    public HeadObjectResponse s3HeadObject() {
        return clients.s3().headObject(SdkClients.HEAD_OBJECT);
    }

    @Benchmark
    public GetItemResponse dynamoDbGetItem() {
        return clients.dynamoDb().getItem(SdkClients.GET_ITEM);
    }

    @Benchmark
    public HeadObjectResponse s3HeadObjectInMemory() {
        return inMemory.s3().headObject(SdkClients.HEAD_OBJECT);
    }

    @Benchmark
    public GetItemResponse dynamoDbGetItemInMemory() {
        return inMemory.dynamoDb().getItem(SdkClients.GET_ITEM);
    }
}
