package dev.airlock.it.scenario;

import dev.airlock.it.harness.AirlockSettings;
import dev.airlock.it.harness.Backend;
import dev.airlock.it.harness.EnvironmentFixture;
import dev.airlock.it.harness.GuardedJvm;
import dev.airlock.it.harness.ToolRun;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * The same story against LocalStack, where Docker is available. 4.14.0 is the last image that runs without an
 * auth token.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackIT extends EnvironmentResetScenario {

    @Container
    static final LocalStackContainer LOCALSTACK =
            new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.14.0"))
                    .withServices(LocalStackContainer.Service.S3, LocalStackContainer.Service.DYNAMODB,
                            LocalStackContainer.Service.SQS);

    @Override
    protected Backend backend() {
        return new Backend("LocalStack", LOCALSTACK.getEndpoint(), LOCALSTACK.getEndpoint(),
                LOCALSTACK.getEndpoint(), LOCALSTACK.getRegion(), LOCALSTACK.getAccessKey(),
                LOCALSTACK.getSecretKey());
    }

    @Override
    protected ToolRun runTool(EnvironmentFixture fixture, AirlockSettings settings) throws Exception {
        return runWithAgentAtStart(GuardedJvm.sampleTool(), fixture, settings);
    }
}
