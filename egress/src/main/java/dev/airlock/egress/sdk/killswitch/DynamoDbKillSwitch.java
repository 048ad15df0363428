package dev.airlock.egress.sdk.killswitch;

import dev.airlock.gate.KillSwitch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * The org-wide kill switch: one item ({@code pk = kill-switch}) in a DynamoDB table, {@code state} open or
 * closed, with the reason, who and when. Every agent JVM reads it on a daemon thread every
 * {@code pollEvery} (consistent reads), and answers {@link #openReason} from what it last read, so a destructive
 * call never waits on DynamoDB. A JVM that cannot read the item keeps what it knew and says so once.
 */
public final class DynamoDbKillSwitch implements KillSwitch {

    static final String KEY = "kill-switch";

    private final DynamoDbClient db;
    private final SdkHttpClient http;
    private final String table;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService poller;
    private volatile String reason;
    private volatile boolean warned;

    public DynamoDbKillSwitch(DynamoDbClient db, SdkHttpClient http, String table, Duration pollEvery) {
        this.db = db;
        this.http = http;
        this.table = table;
        poll(false);
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "airlock-kill-switch-poll");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(() -> poll(true), pollEvery.toMillis(), pollEvery.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public String openReason() {
        return reason;
    }

    @Override
    public void trip(String why, String by) {
        write("open", why, by);
        synchronized (this) {
            reason = why + " (tripped org-wide by " + by + ")";
        }
        listeners.forEach(l -> l.changed(true, why, by));
    }

    @Override
    public void reset(String by) {
        write("closed", "reset", by);
        synchronized (this) {
            reason = null;
        }
        listeners.forEach(l -> l.changed(false, "reset", by));
    }

    @Override
    public void listen(Listener listener) {
        listeners.add(listener);
    }

    private void write(String state, String why, String by) {
        db.putItem(p -> p.tableName(table).item(Map.of(
                "pk", s(KEY),
                "state", s(state),
                "reason", s(why),
                "by", s(by),
                "at", s(Instant.now().toString()))));
    }

    private void poll(boolean tell) {
        try {
            GetItemResponse got = db.getItem(g -> g.tableName(table).key(Map.of("pk", s(KEY))).consistentRead(true));
            Map<String, AttributeValue> item = got.item();
            boolean open = item != null && "open".equals(text(item, "state"));
            String now = open ? text(item, "reason") + " (tripped org-wide by " + text(item, "by") + " at "
                    + text(item, "at") + ")" : null;
            String was;
            synchronized (this) {
                was = reason;
                if (Objects.equals(was == null, now == null)) {
                    return;
                }
                reason = now;
            }
            warned = false;
            if (tell) {
                listeners.forEach(l -> l.changed(open, open ? text(item, "reason") : "reset", text(item, "by")));
            }
        } catch (RuntimeException e) {
            if (!warned) {
                warned = true;
                System.err.println("[airlock] WARN: the org-wide kill switch (DynamoDB table " + table + ") could "
                        + "not be read (" + e.getMessage() + "); it keeps its last known state");
            }
        }
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.s() == null ? "unknown" : v.s();
    }

    private static AttributeValue s(String v) {
        return AttributeValue.builder().s(v).build();
    }

    @Override
    public void close() {
        poller.shutdownNow();
        db.close();
        if (http != null) {
            http.close();
        }
    }
}
