package dev.airlock.benchmarks;

import dev.airlock.call.Call;
import dev.airlock.catalog.ActionCatalog;
import dev.airlock.catalog.Operation;
import dev.airlock.config.AirlockConfig;
import dev.airlock.engine.Engine;
import java.util.Map;
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

/** What every call that leaves the fast path starts with: the catalog look-up and the request made into a call. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CatalogBenchmark {

    private Engine engine;
    private ActionCatalog catalog;

    @Setup(Level.Trial)
    public void start() {
        catalog = ActionCatalog.builtIn();
        engine = Engine.builder(AirlockConfig.defaults()).catalog(catalog).build();
    }

    @TearDown(Level.Trial)
    public void stop() {
        engine.close();
    }

    /** SDK client and operation name to IAM actions and classification. */
    @Benchmark
    public Operation catalogLookup() {
        return catalog.operation(catalog.servicePrefix("DynamoDb", "dynamodb"), "GetItem");
    }

    /** The whole conversion of a request into a call: look-up, classification, resource ARNs. */
    @Benchmark
    public Call requestToCall() {
        return engine.sdkCalls().toCall("sdk", "DynamoDb", "dynamodb", "GetItem", "eu-west-1", null,
                Map.of("TableName", "team-7-users", "Key", Map.of("id", Map.of("S", "user-1"))), null);
    }
}
