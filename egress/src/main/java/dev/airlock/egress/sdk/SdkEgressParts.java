package dev.airlock.egress.sdk;

import dev.airlock.config.AirlockConfig;
import dev.airlock.credentials.RoleSessions;
import dev.airlock.egress.EgressParts;
import dev.airlock.egress.sdk.credentials.StsRoleSessions;
import dev.airlock.egress.sdk.budget.DynamoDbBudgetStore;
import dev.airlock.egress.sdk.killswitch.DynamoDbKillSwitch;
import dev.airlock.gate.BudgetStore;
import dev.airlock.gate.KillSwitch;
import java.time.Duration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sts.StsClient;

/** Airlock's own AWS calls, on the AWS SDK this jar carries. */
public final class SdkEgressParts implements EgressParts {

    /** How often each JVM reads the org-wide kill switch. */
    static final Duration KILL_SWITCH_POLL = Duration.ofSeconds(1);

    @Override
    public String callerIdentity(AirlockConfig config) {
        try (SdkHttpClient http = OwnClients.http();
             StsClient sts = OwnClients.configure(StsClient.builder(), config, AirlockConfig.AWS_ENDPOINT_STS,
                     OwnClients.toolsOwn(), http).build()) {
            return sts.getCallerIdentity().arn();
        }
    }

    @Override
    public RoleSessions roleSessions(AirlockConfig config) {
        return new StsRoleSessions(OwnClients.configure(StsClient.builder(), config, AirlockConfig.AWS_ENDPOINT_STS,
                OwnClients.brokers(config), OwnClients.http()).build());
    }

    @Override
    public BudgetStore dynamoDbBudgets(AirlockConfig config) {
        SdkHttpClient http = OwnClients.http();
        return new DynamoDbBudgetStore(dynamoDb(config, http), http, config.get(AirlockConfig.BUDGET_TABLE));
    }

    @Override
    public KillSwitch dynamoDbKillSwitch(AirlockConfig config) {
        SdkHttpClient http = OwnClients.http();
        return new DynamoDbKillSwitch(dynamoDb(config, http), http, config.get(AirlockConfig.KILL_SWITCH_TABLE),
                KILL_SWITCH_POLL);
    }

    private static DynamoDbClient dynamoDb(AirlockConfig config, SdkHttpClient http) {
        return OwnClients.configure(DynamoDbClient.builder(), config, AirlockConfig.AWS_ENDPOINT_DYNAMODB,
                OwnClients.airlocksOwn(config), http).build();
    }

    @Override
    public dev.airlock.approval.ApprovalStore dynamoDbApprovals(AirlockConfig config, String table) {
        SdkHttpClient http = OwnClients.http();
        software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo = OwnClients.configure(
                software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder(), config,
                AirlockConfig.AWS_ENDPOINT_DYNAMODB, OwnClients.airlocksOwn(config), http).build();
        return new dev.airlock.egress.sdk.approval.DynamoDbApprovalStore(dynamo, table, () -> {
            dynamo.close();
            http.close();
        });
    }
}
