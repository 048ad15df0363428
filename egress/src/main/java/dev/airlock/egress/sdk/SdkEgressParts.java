package dev.airlock.egress.sdk;

import dev.airlock.config.AirlockConfig;
import dev.airlock.egress.EgressParts;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.sts.StsClient;

/** Airlock's own AWS calls, on the AWS SDK this jar carries. */
public final class SdkEgressParts implements EgressParts {

    @Override
    public String callerIdentity(AirlockConfig config) {
        try (SdkHttpClient http = OwnClients.http();
             StsClient sts = OwnClients.configure(StsClient.builder(), config, AirlockConfig.AWS_ENDPOINT_STS,
                     OwnClients.toolsOwn(), http).build()) {
            return sts.getCallerIdentity().arn();
        }
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
