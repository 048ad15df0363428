package dev.airlock.egress.sdk.approval;

import dev.airlock.approval.ApprovalException;
import dev.airlock.approval.ApprovalJson;
import dev.airlock.approval.ApprovalRequest;
import dev.airlock.approval.ApprovalStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The org-wide approval store: one DynamoDB table that many approval service instances share. One item per
 * request, {@code pk = "request#apr-..."}, holding the request's JSON in {@code body}, its {@code version},
 * {@code state} and {@code expiresAt}, and a {@code ttl} (epoch seconds, a day after it can no longer be used)
 * for DynamoDB's time to live. Approvers are {@code pk = "approver#NAME"} and {@code pk = "token#HASH"}. Every
 * write is conditional: a request is created only where none lives, and replaced only over the version read, so
 * votes and single-use consumption are exact across every instance.
 */
public final class DynamoDbApprovalStore implements ApprovalStore {

    private static final long TTL_GRACE_SECONDS = 24 * 3600;

    private final DynamoDbClient dynamo;
    private final String table;
    private final AutoCloseable resources;

    public DynamoDbApprovalStore(DynamoDbClient dynamo, String table, AutoCloseable resources) {
        this.dynamo = dynamo;
        this.table = table;
        this.resources = resources;
    }

    @Override
    public ApprovalRequest find(String id) throws ApprovalException {
        try {
            GetItemResponse r = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                    .key(Map.of("pk", s("request#" + id))));
            return r.hasItem() && r.item().containsKey("body") ? ApprovalJson.request(r.item().get("body").s()) : null;
        } catch (SdkException e) {
            throw unreachable(e);
        }
    }

    @Override
    public ApprovalRequest create(ApprovalRequest request) throws ApprovalException {
        long now = System.currentTimeMillis();
        ApprovalRequest first = request.atVersion(1);
        try {
            // Where a request lives, it stays; a used-up or expired one gives way.
            dynamo.putItem(b -> b.tableName(table).item(item(first))
                    .conditionExpression("attribute_not_exists(pk) OR #state = :used OR #exp <= :now "
                            + "OR (#state = :approved AND #grantExp <= :now)")
                    .expressionAttributeNames(Map.of("#state", "state", "#exp", "expiresAt",
                            "#grantExp", "usableUntil"))
                    .expressionAttributeValues(Map.of(":used", s("USED"), ":approved", s("APPROVED"),
                            ":now", n(now))));
            return first;
        } catch (ConditionalCheckFailedException held) {
            ApprovalRequest known = find(request.id());
            return known != null ? known : create(request);
        } catch (SdkException e) {
            throw unreachable(e);
        }
    }

    @Override
    public boolean replace(ApprovalRequest current, ApprovalRequest next) throws ApprovalException {
        ApprovalRequest stored = next.atVersion(current.version() + 1);
        try {
            dynamo.putItem(b -> b.tableName(table).item(item(stored))
                    .conditionExpression("#v = :v")
                    .expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":v", n(current.version()))));
            return true;
        } catch (ConditionalCheckFailedException lost) {
            return false;
        } catch (SdkException e) {
            throw unreachable(e);
        }
    }

    @Override
    public List<ApprovalRequest> all() throws ApprovalException {
        List<ApprovalRequest> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        try {
            do {
                ScanRequest.Builder scan = ScanRequest.builder().tableName(table).consistentRead(true)
                        .filterExpression("begins_with(pk, :p)")
                        .expressionAttributeValues(Map.of(":p", s("request#")));
                if (start != null) {
                    scan.exclusiveStartKey(start);
                }
                ScanResponse page = dynamo.scan(scan.build());
                for (Map<String, AttributeValue> item : page.items()) {
                    out.add(ApprovalJson.request(item.get("body").s()));
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey()
                        : null;
            } while (start != null);
            return out;
        } catch (SdkException e) {
            throw unreachable(e);
        }
    }

    @Override
    public void putApprover(String name, String tokenHash) throws ApprovalException {
        try {
            GetItemResponse old = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                    .key(Map.of("pk", s("approver#" + name))));
            dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("token#" + tokenHash), "name", s(name))));
            dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("approver#" + name),
                    "tokenHash", s(tokenHash))));
            if (old.hasItem() && old.item().containsKey("tokenHash")
                    && !old.item().get("tokenHash").s().equals(tokenHash)) {
                String previous = old.item().get("tokenHash").s();
                dynamo.deleteItem(b -> b.tableName(table).key(Map.of("pk", s("token#" + previous))));
            }
        } catch (SdkException e) {
            throw unreachable(e);
        }
    }

    @Override
    public String approverWithToken(String tokenHash) throws ApprovalException {
        try {
            GetItemResponse r = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                    .key(Map.of("pk", s("token#" + tokenHash))));
            if (!r.hasItem() || !r.item().containsKey("name")) {
                return null;
            }
            String name = r.item().get("name").s();
            // A token replaced by a newer one no longer counts, even if its item lingers.
            GetItemResponse a = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                    .key(Map.of("pk", s("approver#" + name))));
            return a.hasItem() && tokenHash.equals(a.item().get("tokenHash").s()) ? name : null;
        } catch (SdkException e) {
            throw unreachable(e);
        }
    }

    private static Map<String, AttributeValue> item(ApprovalRequest r) {
        long usableUntil = r.grant() != null ? r.grant().expiresAt() : r.expiresAt();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("request#" + r.id()));
        item.put("body", s(ApprovalJson.write(r)));
        item.put("version", n(r.version()));
        item.put("state", s(r.state().name()));
        item.put("expiresAt", n(r.state() == ApprovalRequest.State.APPROVED ? Long.MAX_VALUE / 2 : r.expiresAt()));
        item.put("usableUntil", n(usableUntil));
        item.put("ttl", n(Math.max(r.expiresAt(), usableUntil) / 1000 + TTL_GRACE_SECONDS));
        return item;
    }

    private static AttributeValue s(String v) {
        return AttributeValue.builder().s(v).build();
    }

    private static AttributeValue n(long v) {
        return AttributeValue.builder().n(Long.toString(v)).build();
    }

    private ApprovalException unreachable(SdkException e) {
        return new ApprovalException("the approval table " + table + " cannot be reached: " + e.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            resources.close();
        } catch (Exception e) {
            // closing at exit
        }
    }
}
