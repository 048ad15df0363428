package dev.airlock.benchmarks;

import dev.airlock.call.Call;
import dev.airlock.catalog.ActionCatalog;
import dev.airlock.catalog.Operation;
import dev.airlock.config.AirlockConfig;
import dev.airlock.engine.Engine;
import dev.airlock.gate.Verdict;
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
import org.openjdk.jmh.annotations.Threads;

/**
 * The engine alone, in-process: full decisions ({@link Engine#decide(Call)}: policy, then the gates) on the
 * 1,000-statement {@link PolicyOfThousand}, on one thread and on two; and the catalog look-ups a call starts with.
 *
 * <p>The audit log and plan book are the discarding ones: what the audit writer costs is in the read benchmarks,
 * where it runs as it does in an application. Each call is built once, as the SDK hook builds it.
 */
@State(Scope.Benchmark)
public class EngineBenchmark {

    private Engine engine;
    private ActionCatalog catalog;
    /** s3:GetObject on a bucket no statement names: every candidate statement is tested, then the default. */
    private Call readNoStatementNames;
    /** dynamodb:GetItem on a team's table: the team's Allow statement decides it. */
    private Call readATeamStatementAllows;

    @Setup(Level.Trial)
    public void start() throws Exception {
        catalog = ActionCatalog.builtIn();
        engine = Engine.builder(AirlockConfig.defaults()).catalog(catalog).policy(PolicyOfThousand.parse()).build();
        readNoStatementNames = engine.sdkCalls().toCall("sdk", "S3", "s3", "GetObject", "eu-west-1", null,
                Map.of("Bucket", "reports", "Key", "2026/11/summary.txt"), null);
        readATeamStatementAllows = engine.sdkCalls().toCall("sdk", "DynamoDb", "dynamodb", "GetItem", "eu-west-1", null,
                Map.of("TableName", "team-" + teamAllowing("dynamodb:GetItem") + "-users",
                        "Key", Map.of("id", Map.of("S", "user-1"))), null);
        check(readNoStatementNames, "default:read");
        check(readATeamStatementAllows, "Team");
    }

    @TearDown(Level.Trial)
    public void stop() {
        engine.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(1)
    public Verdict decideReadNoStatementNames1Thread() {
        return engine.decide(readNoStatementNames);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(2)
    public Verdict decideReadNoStatementNames2Threads() {
        return engine.decide(readNoStatementNames);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(1)
    public Verdict decideReadATeamStatementAllows1Thread() {
        return engine.decide(readATeamStatementAllows);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(2)
    public Verdict decideReadATeamStatementAllows2Threads() {
        return engine.decide(readATeamStatementAllows);
    }

    /** SDK client and operation name to IAM actions and classification: what every call starts with. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Operation catalogLookup() {
        return catalog.operation(catalog.servicePrefix("DynamoDb", "dynamodb"), "GetItem");
    }

    /** The whole conversion of a request into a call: look-up, classification, resource ARNs. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Call requestToCall() {
        return engine.sdkCalls().toCall("sdk", "DynamoDb", "dynamodb", "GetItem", "eu-west-1", null,
                Map.of("TableName", "team-7-users", "Key", Map.of("id", Map.of("S", "user-1"))), null);
    }

    private static int teamAllowing(String action) {
        for (int i = 0; i < 900; i++) {
            int n = 1 + i % 3;
            boolean names = false;
            for (int k = 0; k < n; k++) {
                names |= PolicyOfThousand.ACTIONS[(i * 7 + k * 13) % PolicyOfThousand.ACTIONS.length].equals(action);
            }
            if (names && i % 20 >= 6 && i % 5 != 0) {
                return i;
            }
        }
        throw new IllegalStateException("no team statement allows " + action);
    }

    private void check(Call call, String statementPrefix) {
        String statement = engine.evaluate(call).statementId();
        if (!statement.startsWith(statementPrefix) || !engine.decide(call).proceeds()) {
            throw new IllegalStateException(call.action() + " on " + call.resources() + " was decided by "
                    + statement + ", not " + statementPrefix + "...: the benchmark would not measure what it says");
        }
    }
}
