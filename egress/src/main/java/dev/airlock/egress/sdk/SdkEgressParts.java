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
}
