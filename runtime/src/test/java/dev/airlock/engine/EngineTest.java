package dev.airlock.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.audit.AuditLog;
import dev.airlock.audit.AuditRecord;
import dev.airlock.audit.RecordingAuditLog;
import dev.airlock.bridge.CallGuard;
import dev.airlock.bridge.CallAnswer;
import dev.airlock.call.Call;
import dev.airlock.call.Classification;
import dev.airlock.catalog.ActionCatalog;
import dev.airlock.config.AirlockConfig;
import dev.airlock.gate.Verdict;
import dev.airlock.plan.Plan;
import dev.airlock.plan.PlanBook;
import dev.airlock.policy.Budget;
import dev.airlock.policy.Effect;
import dev.airlock.policy.Policy;
import dev.airlock.policy.PolicyContext;
import dev.airlock.policy.PolicyDecision;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class EngineTest {

    private final RecordingAuditLog audit = new RecordingAuditLog();
    private final RecordingPlans plans = new RecordingPlans();

    @Test
    void readsAreSettledOnTheFastPathAndAudited() {
        Engine engine = engine(Map.of(), Policy.builtInDefault());

        int answer = engine.guard().screen("S3", "s3", "GetObject");

        assertThat(answer).isEqualTo(CallGuard.PROCEED);
        assertThat(audit.records).singleElement().satisfies(r -> {
            assertThat(r.verdict()).isEqualTo("PROCEED");
            assertThat(r.classification()).isEqualTo(Classification.READ);
            assertThat(r.call()).isNull();
        });
    }

    @Test
    void destructiveCallsNeedTheirRequestAndAreHeldByDefault() {
        Engine engine = engine(Map.of(), Policy.builtInDefault());

        assertThat(engine.guard().screen("S3", "s3", "DeleteBucket")).isEqualTo(CallGuard.NEEDS_REQUEST);
        CallAnswer answer = engine.guard().decide("sdk", "S3", "s3", "DeleteBucket", "us-east-1", null,
                Map.of("Bucket", "demo-data"), null);

        assertThat(answer.proceeds()).isFalse();
        assertThat(answer.outcome()).isEqualTo(CallAnswer.HOLD);
        assertThat(answer.approvalId()).startsWith("apr-");
        assertThat(answer.message()).contains("NOT sent", answer.approvalId(), "DeleteBucket");
        assertThat(audit.records).singleElement().satisfies(r -> {
            assertThat(r.verdict()).isEqualTo("HOLD");
            assertThat(r.call()).isNotNull();
        });
        assertThat(plans.added).isEmpty();
    }

    @Test
    void theSameRequestKeepsItsApprovalIdAndAnotherGetsAnother() {
        Engine engine = engine(Map.of(), Policy.builtInDefault());

        String first = engine.guard().decide("sdk", "S3", "s3", "DeleteBucket", "us-east-1", null,
                Map.of("Bucket", "a"), null).approvalId();
        String retry = engine.guard().decide("sdk", "S3", "s3", "DeleteBucket", "us-east-1", null,
                Map.of("Bucket", "a"), null).approvalId();
        String other = engine.guard().decide("sdk", "S3", "s3", "DeleteBucket", "us-east-1", null,
                Map.of("Bucket", "b"), null).approvalId();

        assertThat(retry).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void dryRunModeRecordsAPlanInsteadOfSending() {
        Engine engine = engine(Map.of(AirlockConfig.MODE, "dry-run"), Policy.builtInDefault());

        CallAnswer answer = engine.guard().decide("sdk", "DynamoDb", "dynamodb", "DeleteTable", "us-east-1", null,
                Map.of("TableName", "orders"), null);

        assertThat(answer.outcome()).isEqualTo(CallAnswer.DRY_RUN);
        assertThat(answer.message()).contains("dry run", "NOT sent");
        assertThat(plans.added).singleElement().satisfies(c -> assertThat(c.operation()).isEqualTo("DeleteTable"));
    }

    @Test
    void dryRunModeStillSendsWrites() {
        Engine engine = engine(Map.of(AirlockConfig.MODE, "dry-run"), Policy.builtInDefault());

        CallAnswer answer = engine.guard().decide("sdk", "S3", "s3", "PutObject", "us-east-1", null,
                Map.of("Bucket", "b", "Key", "k"), null);

        assertThat(answer.proceeds()).isTrue();
        assertThat(plans.added).isEmpty();
    }

    @Test
    void aDenyingStatementDeniesAndNamesItself() {
        Engine engine = engine(Map.of(), fixed(new PolicyDecision(Effect.DENY, "NoDeletes", "p.yaml:3", List.of())));

        CallAnswer answer = engine.guard().decide("sdk", "S3", "s3", "DeleteBucket", null, null, Map.of("Bucket", "x"), null);

        assertThat(answer.outcome()).isEqualTo(CallAnswer.DENY);
        assertThat(answer.message()).contains("NoDeletes", "p.yaml:3");
    }

    @Test
    void aBudgetHoldsTheCallThatWouldOverdrawIt() {
        Budget twoPerMinute = new Budget("DeleteBudget", 2, 0, false);
        Engine engine = engine(Map.of(),
                fixed(new PolicyDecision(Effect.ALLOW, "DeleteBudget", "p.yaml:1", List.of(twoPerMinute))));

        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            outcomes.add(engine.guard().decide("sdk", "Sqs", "sqs", "DeleteQueue", null, null,
                    Map.of("QueueUrl", "http://localhost/000000000000/q" + i), null).outcome());
        }

        assertThat(outcomes).containsExactly(CallAnswer.PROCEED, CallAnswer.PROCEED, CallAnswer.HOLD);
    }

    @Test
    void aBatchLargerThanTheWholeBudgetIsHeld() {
        Budget hundredResources = new Budget("ObjectBudget", 100, 0, true);
        Engine engine = engine(Map.of(),
                fixed(new PolicyDecision(Effect.ALLOW, "ObjectBudget", "p.yaml:1", List.of(hundredResources))));
        Call call = engine.sdkCalls().toCall("sdk", "S3", "s3", "DeleteObjects", "us-east-1", null, Map.of("Bucket", "b"), null);
        List<String> thousand = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            thousand.add("arn:aws:s3:::b/key-" + i);
        }
        Call big = Call.builder().service("s3").operation("DeleteObjects").actions(call.actions())
                .classification(Classification.DESTRUCTIVE).resources(thousand).requester(call.requester()).build();

        Verdict verdict = engine.decide(big);

        assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.HOLD);
        assertThat(verdict.reason()).contains("ObjectBudget", "1000", "100 resources per minute");
    }

    @Test
    void brokeredCredentialsRefuseWhatCannotGetASession() {
        Engine engine = engine(Map.of(AirlockConfig.CREDENTIALS_MODE, "broker"), Policy.builtInDefault());

        CallAnswer write = engine.guard().decide("sdk", "S3", "s3", "PutObject", null, null, Map.of("Bucket", "b"), null);

        assertThat(write.outcome()).isEqualTo(CallAnswer.DENY);
        assertThat(write.message()).contains("credentials.mode is broker");
        assertThat(engine.guard().screen("S3", "s3", "GetObject")).isEqualTo(CallGuard.PROCEED);
    }

    @Test
    void anInternalErrorFailsDestructiveCallsClosedAndLetsReadsThrough() {
        Engine engine = engine(Map.of(), throwing());

        CallAnswer delete = engine.guard().decide("sdk", "S3", "s3", "DeleteBucket", null, null, Map.of("Bucket", "b"), null);
        CallAnswer read = engine.guard().decide("sdk", "S3", "s3", "GetObject", null, null, Map.of("Bucket", "b"), null);

        assertThat(delete.outcome()).isEqualTo(CallAnswer.DENY);
        assertThat(delete.message()).contains("could not decide");
        assertThat(read.proceeds()).isTrue();
        assertThat(engine.guard().screen("S3", "s3", "GetObject")).isEqualTo(CallGuard.NEEDS_REQUEST);
    }

    @Test
    void readsFailClosedWhenConfiguredSo() {
        Engine engine = engine(Map.of(AirlockConfig.READ_ON_ERROR, "closed"), throwing());

        CallAnswer read = engine.guard().decide("sdk", "S3", "s3", "GetObject", null, null, Map.of("Bucket", "b"), null);

        assertThat(read.outcome()).isEqualTo(CallAnswer.DENY);
    }

    @Test
    void aSwappedPolicyAppliesToTheNextCallIncludingTheFastPath() {
        Engine engine = engine(Map.of(), Policy.builtInDefault());
        assertThat(engine.guard().screen("S3", "s3", "GetObject")).isEqualTo(CallGuard.PROCEED);

        engine.swapPolicy(fixed(new PolicyDecision(Effect.DENY, "Lockdown", "p.yaml:1", List.of())));

        assertThat(engine.guard().screen("S3", "s3", "GetObject")).isEqualTo(CallGuard.NEEDS_REQUEST);
        assertThat(engine.guard().decide("sdk", "S3", "s3", "GetObject", null, null, Map.of(), null).outcome())
                .isEqualTo(CallAnswer.DENY);
    }

    @Test
    void aBrokenConfigurationLetsReadsThroughAndRefusesTheRest() {
        CallGuard gate = new FailClosedGuard(ActionCatalog.builtIn(), "the Airlock configuration is broken: x");

        assertThat(gate.screen("S3", "s3", "ListBuckets")).isEqualTo(CallGuard.PROCEED);
        CallAnswer delete = gate.decide("sdk", "S3", "s3", "DeleteBucket", null, null, Map.of(), null);
        assertThat(delete.outcome()).isEqualTo(CallAnswer.DENY);
        assertThat(delete.message()).contains("configuration is broken");
    }

    private Engine engine(Map<String, String> settings, Policy policy) {
        try {
            return Engine.builder(AirlockConfig.of(settings)).catalog(ActionCatalog.builtIn()).policy(policy).audit(audit).plans(plans).build();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Policy fixed(PolicyDecision decision) {
        return new TestPolicy(call -> decision);
    }

    private static Policy throwing() {
        return new TestPolicy(call -> {
            throw new IllegalStateException("boom");
        });
    }

    /** A policy whose answer the test chooses; never static, so every call takes the slow path. */
    private record TestPolicy(Function<Call, PolicyDecision> answer) implements Policy {
        @Override
        public PolicyDecision evaluate(Call call, PolicyContext context) {
            return answer.apply(call);
        }

        @Override
        public PolicyDecision decideStatically(String action, Classification c, PolicyContext context) {
            return null;
        }

        @Override
        public String source() {
            return "test";
        }

        @Override
        public int size() {
            return 1;
        }
    }


    private static final class RecordingPlans implements PlanBook {
        final List<Call> added = new CopyOnWriteArrayList<>();

        @Override
        public void add(Call call, Plan plan, String reason) {
            added.add(call);
        }

        @Override
        public Path file() {
            return Path.of("plan.jsonl");
        }

        @Override
        public void writeSummary() {
        }

        @Override
        public void close() {
        }
    }
}
