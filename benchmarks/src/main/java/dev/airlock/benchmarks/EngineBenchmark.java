package dev.airlock.benchmarks;

import dev.airlock.call.Call;
import dev.airlock.catalog.ActionCatalog;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The engine alone, in-process: full decisions ({@link Engine#decide(Call)}: policy, then the gates) on the
 * {@link OrganisationPolicy} of 1,000 and of 10,000 statements, so that the two sizes side by side show how the
 * cost grows with the policy.
 *
 * <p>The audit log and plan book are the discarding ones: what the audit writer costs is in the read and hook
 * benchmarks, where it runs as it does in an application. Each call is built once, as the SDK hook builds it;
 * no {@code account} is configured, so DynamoDB ARNs carry {@code *} for it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EngineBenchmark {

    @Param({"1000", "10000"})
    public int statements;

    private Engine engine;
    /** s3:GetObject on a bucket no statement names: the candidates are found, none matches, the default applies. */
    private Call s3Read;
    /** s3:GetObject on a team's bucket: the team's Allow statement decides it. */
    private Call s3ReadATeamStatementAllows;
    /** dynamodb:GetItem on a table no statement names, account unknown. */
    private Call dynamoDbRead;
    /** dynamodb:GetItem on a team's table, account unknown: the team's Allow statement decides it. */
    private Call dynamoDbReadATeamStatementAllows;

    @Setup(Level.Trial)
    public void start() throws Exception {
        ActionCatalog catalog = ActionCatalog.builtIn();
        engine = Engine.builder(AirlockConfig.defaults()).catalog(catalog).policy(OrganisationPolicy.parse(statements))
                .build();
        s3Read = engine.sdkCalls().toCall("sdk", "S3", "s3", "GetObject", "eu-west-1", null,
                Map.of("Bucket", "reports", "Key", "2026/11/summary.txt"), null);
        s3ReadATeamStatementAllows = engine.sdkCalls().toCall("sdk", "S3", "s3", "GetObject", "eu-west-1", null,
                Map.of("Bucket", "team-" + OrganisationPolicy.teamAllowing("s3:GetObject", statements) + "-data",
                        "Key", "2026/11/summary.txt"), null);
        dynamoDbRead = engine.sdkCalls().toCall("sdk", "DynamoDb", "dynamodb", "GetItem", "eu-west-1", null,
                Map.of("TableName", "orders", "Key", Map.of("id", Map.of("S", "order-1"))), null);
        dynamoDbReadATeamStatementAllows = engine.sdkCalls().toCall("sdk", "DynamoDb", "dynamodb", "GetItem", "eu-west-1",
                null, Map.of("TableName", "team-" + OrganisationPolicy.teamAllowing("dynamodb:GetItem", statements)
                        + "-users", "Key", Map.of("id", Map.of("S", "user-1"))), null);
        check(s3Read, "default:read");
        check(s3ReadATeamStatementAllows, "Team");
        check(dynamoDbRead, "default:read");
        check(dynamoDbReadATeamStatementAllows, "Team");
    }

    @TearDown(Level.Trial)
    public void stop() {
        engine.close();
    }

    @Benchmark
    @Threads(1)
    public Verdict s3Read() {
        return engine.decide(s3Read);
    }

    @Benchmark
    @Threads(1)
    public Verdict s3ReadATeamStatementAllows() {
        return engine.decide(s3ReadATeamStatementAllows);
    }

    @Benchmark
    @Threads(1)
    public Verdict dynamoDbRead() {
        return engine.decide(dynamoDbRead);
    }

    @Benchmark
    @Threads(1)
    public Verdict dynamoDbReadATeamStatementAllows() {
        return engine.decide(dynamoDbReadATeamStatementAllows);
    }

    /** Two threads on the same engine: the policy's caches and index are shared, nothing is locked. */
    @Benchmark
    @Threads(2)
    public Verdict dynamoDbReadATeamStatementAllows2Threads() {
        return engine.decide(dynamoDbReadATeamStatementAllows);
    }

    private void check(Call call, String statementPrefix) {
        String statement = engine.evaluate(call).statementId();
        if (!statement.startsWith(statementPrefix) || !engine.decide(call).proceeds()) {
            throw new IllegalStateException(call.action() + " on " + call.resources() + " was decided by "
                    + statement + ", not " + statementPrefix + "...: the benchmark would not measure what it says");
        }
    }
}
