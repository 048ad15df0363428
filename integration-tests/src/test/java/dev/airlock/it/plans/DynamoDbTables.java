package dev.airlock.it.plans;

import dev.airlock.config.AirlockConfig;
import dev.airlock.it.harness.Backend;
import dev.airlock.it.harness.LocalServers;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The tables of Airlock's org-wide parts, created in DynamoDB Local as an administrator would create them. */
final class DynamoDbTables {

    private DynamoDbTables() {
    }

    /** A fresh table with the string partition key {@code pk}. */
    static String create(String prefix) {
        String name = prefix + "-" + System.nanoTime();
        try (DynamoDbClient db = LocalServers.shared().dynamoDbClient()) {
            db.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                            .attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()));
            db.waiter().waitUntilTableExists(r -> r.tableName(name));
        }
        return name;
    }

    /** Airlock's settings for its own calls to DynamoDB Local, with both org-wide parts on {@code table}. */
    static AirlockConfig settings(String table) throws Exception {
        Backend b = LocalServers.shared();
        return AirlockConfig.of(Map.of(
                AirlockConfig.AWS_REGION, b.region(),
                AirlockConfig.AWS_ENDPOINT_DYNAMODB, b.dynamoDb().toString(),
                AirlockConfig.BUDGET_TABLE, table,
                AirlockConfig.KILL_SWITCH_TABLE, table));
    }
}
