package dev.airlock.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.bridge.AirlockBridge;
import dev.airlock.config.AirlockConfig;
import dev.airlock.engine.Engine;
import dev.airlock.it.harness.AirlockSettings;
import dev.airlock.it.harness.EnvironmentFixture;
import dev.airlock.it.harness.ToolRun;
import dev.airlock.sample.EnvironmentResetTool;
import dev.airlock.sdk.AirlockExecutionInterceptor;
import dev.airlock.sample.ToolOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;

/**
 * No agent: the program starts an engine and registers Airlock's interceptor on its own clients, in this JVM.
 * The outcome must match the agent's.
 */
class LibraryModeIT extends EnvironmentResetScenario {

    @Override
    protected ToolRun runTool(EnvironmentFixture fixture, AirlockSettings settings) throws Exception {
        // The tool's clients use the SDK's default credentials chain, as an application's would.
        System.setProperty("aws.accessKeyId", fixture.backend().accessKey());
        System.setProperty("aws.secretAccessKey", fixture.backend().secretKey());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Engine engine = Engine.start(AirlockConfig.of(settings.asMap()));
             PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            ClientOverrideConfiguration guarded = ClientOverrideConfiguration.builder()
                    .addExecutionInterceptor(new AirlockExecutionInterceptor(engine.guard()))
                    .build();
            EnvironmentResetTool.run(ToolOptions.parse(fixture.toolArguments().toArray(String[]::new)), guarded, out);
        }
        return new ToolRun(0, bytes.toString(StandardCharsets.UTF_8).lines().toList(), List.of());
    }

    @Test
    void no_agent_was_involved() {
        assertThat(AirlockBridge.agentInstalled()).isFalse();
    }
}
