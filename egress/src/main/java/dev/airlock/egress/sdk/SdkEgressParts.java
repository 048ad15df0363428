package dev.airlock.egress.sdk;

import dev.airlock.config.AirlockConfig;
import dev.airlock.credentials.RoleSessions;
import dev.airlock.egress.EgressParts;
import dev.airlock.egress.sdk.credentials.StsRoleSessions;
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
    public RoleSessions roleSessions(AirlockConfig config) {
        return new StsRoleSessions(OwnClients.configure(StsClient.builder(), config, AirlockConfig.AWS_ENDPOINT_STS,
                OwnClients.brokers(config), OwnClients.http()).build());
    }
}
