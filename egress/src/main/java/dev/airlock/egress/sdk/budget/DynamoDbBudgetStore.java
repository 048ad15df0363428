package dev.airlock.egress.sdk.budget;

import dev.airlock.gate.BudgetStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Budgets shared by every agent JVM: one counter item per budget, window length and window, in a DynamoDB table
 * with a string partition key {@code pk}. Windows are fixed ({@code now} rounded down to the window's length), so
 * every JVM counts in the same item. All windows of a call are taken in one {@code TransactWriteItems}, each
 * update conditional on the window having room: a window that refuses cancels the whole transaction, so nothing
 * is spent. Items carry {@code expiresAt} (epoch seconds) for the table's TTL.
 */
public final class DynamoDbBudgetStore implements BudgetStore {

    /** A transaction that loses to a concurrent one on the same counter is tried again, this many times. */
    static final int ATTEMPTS = 25;

    private final DynamoDbClient db;
    private final SdkHttpClient http;
    private final String table;
    private final LongSupplier clock;

    /** @param http closed with the store, or null when the client's owner closes it */
    public DynamoDbBudgetStore(DynamoDbClient db, SdkHttpClient http, String table) {
        this(db, http, table, System::currentTimeMillis);
    }

    DynamoDbBudgetStore(DynamoDbClient db, SdkHttpClient http, String table, LongSupplier clock) {
        this.db = db;
        this.http = http;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public Window take(String id, List<Window> windows, long units) {
        for (Window w : windows) {
            if (units > w.limit()) {
                return w;
            }
        }
        long now = clock.getAsLong();
        List<TransactWriteItem> updates = new ArrayList<>(windows.size());
        for (Window w : windows) {
            long period = w.period().toMillis();
            long start = now - Math.floorMod(now, period);
            updates.add(TransactWriteItem.builder().update(Update.builder()
                    .tableName(table)
                    .key(Map.of("pk", s("budget#" + id + "#" + period + "#" + start)))
                    .updateExpression("ADD used :u SET expiresAt = :exp, budget = :id")
                    .conditionExpression("attribute_not_exists(used) OR used <= :max")
                    .expressionAttributeValues(Map.of(
                            ":u", n(units),
                            ":max", n(w.limit() - units),
                            ":exp", n((start + period) / 1000 + 3600),
                            ":id", s(id)))
                    .build()).build());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                db.transactWriteItems(t -> t.transactItems(updates));
                return null;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                for (int i = 0; i < reasons.size() && i < windows.size(); i++) {
                    if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                        return windows.get(i);
                    }
                }
                if (attempt >= ATTEMPTS) {
                    throw new IllegalStateException("budget " + id + " is contended: " + reasonsOf(reasons), e);
                }
            } catch (TransactionConflictException e) {
                if (attempt >= ATTEMPTS) {
                    throw new IllegalStateException("budget " + id + " is contended: " + e.getMessage(), e);
                }
            }
            pause(attempt);
        }
    }

    private static String reasonsOf(List<CancellationReason> reasons) {
        StringBuilder sb = new StringBuilder();
        reasons.forEach(r -> sb.append(sb.length() == 0 ? "" : ", ").append(r.code()));
        return sb.toString();
    }

    /** Jittered, growing pauses, so that JVMs that collided do not collide again. */
    private static void pause(int attempt) {
        long bound = Math.min(200, 5L << Math.min(attempt, 6));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, bound + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while taking from a budget", e);
        }
    }

    private static AttributeValue s(String v) {
        return AttributeValue.builder().s(v).build();
    }

    private static AttributeValue n(long v) {
        return AttributeValue.builder().n(Long.toString(v)).build();
    }

    @Override
    public void close() {
        db.close();
        if (http != null) {
            http.close();
        }
    }
}
