package dev.airlock.policy;

import static dev.airlock.policy.Calls.DEV;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.call.Call;
import dev.airlock.call.Classification;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One policy serves every thread of the host; its caches fill while they race. */
class PolicyConcurrencyTest {

    private static final String TEXT = """
            Statement:
              - { Sid: NoProd, Effect: Deny, Action: "*:Delete*", Resource: "arn:aws:s3:::prod-*" }
              - { Sid: Held, Effect: RequireApproval, Action: "s3:DeleteObject" }
              - { Sid: Budget, Effect: RateLimit, Action: "*:Delete*", Budget: { PerMinute: 9 } }
              - { Sid: Keys, Effect: RateLimit, Action: "s3:DeleteObject", Resource: "arn:aws:s3:::b-1/*",
                  Budget: { PerMinute: 9, Count: resources } }
              - { Sid: Reads, Effect: Allow, Action: "*:Get*" }
            """;

    private static List<Call> calls() {
        List<Call> calls = new ArrayList<>();
        String[] actions = {"s3:DeleteObject", "s3:DeleteBucket", "s3:GetObject", "dynamodb:DeleteTable",
                "dynamodb:GetItem", "sqs:SendMessage"};
        for (int i = 0; i < 60; i++) {
            String action = actions[i % actions.length];
            Classification c = action.contains("Delete") ? Classification.DESTRUCTIVE
                    : action.contains("Get") ? Classification.READ : Classification.WRITE;
            String bucket = (i % 4 == 0 ? "prod-" : "b-") + (i % 3);
            calls.add(Calls.call(action, c).resources(List.of("arn:aws:s3:::" + bucket + "/k" + i)).build());
        }
        return calls;
    }

    @Test
    void racingThreadsGetTheSameDecisionsAsOneThread() throws Exception {
        List<Call> calls = calls();
        Policy reference = Calls.policy(TEXT);
        List<PolicyDecision> expected = new ArrayList<>();
        for (Call c : calls) {
            expected.add(reference.evaluate(c, DEV));
        }

        Policy shared = Calls.policy(TEXT);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t * 7;
                results.add(pool.submit(() -> {
                    int wrong = 0;
                    for (int i = 0; i < 20_000; i++) {
                        int k = (i + offset) % calls.size();
                        if (!shared.evaluate(calls.get(k), DEV).equals(expected.get(k))) {
                            wrong++;
                        }
                    }
                    return wrong;
                }));
            }
            for (Future<Integer> f : results) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
