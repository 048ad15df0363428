package dev.airlock.it.approval;

import dev.airlock.approval.ApprovalStore;
import dev.airlock.approval.ApprovalStoreContract;
import dev.airlock.config.AirlockConfig;
import dev.airlock.egress.sdk.SdkEgressParts;
import dev.airlock.it.harness.Backend;
import dev.airlock.it.harness.LocalServers;
import java.util.Map;

/** The org-wide store passes the same contract as the local one, on DynamoDB Local as a server. */
class DynamoDbApprovalStoreIT extends ApprovalStoreContract {

    @Override
    protected ApprovalStore newStore() throws Exception {
        Backend aws = LocalServers.shared();
        String table = "approvals-" + System.nanoTime();
        createApprovalTable(aws, table);
        return new SdkEgressParts().dynamoDbApprovals(AirlockConfig.of(Map.of(
                AirlockConfig.AWS_ENDPOINT_DYNAMODB, aws.dynamoDb().toString(),
                AirlockConfig.AWS_REGION, aws.region())), table);
    }

    /** The table as the README describes it: one string key {@code pk}, on-demand. */
    static void createApprovalTable(Backend aws, String table) {
        try (var d = aws.dynamoDbClient()) {
            d.createTable(b -> b.tableName(table)
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                    .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                    .billingMode("PAY_PER_REQUEST"));
        }
    }
}
