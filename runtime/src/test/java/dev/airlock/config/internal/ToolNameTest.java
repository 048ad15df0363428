package dev.airlock.config.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ToolNameTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "com.acme.agent.CodingAgent --fast             | CodingAgent",
        "CodingAgent                                   | CodingAgent",
        "acme.agent/com.acme.agent.Main run            | Main",
        "/opt/tools/review-bot.jar --repo x            | review-bot",
        "review-bot.JAR                                | review-bot",
        "/Users/Ada Lovelace/tools/my agent.jar --x y  | my agent",
        "C:\\tools\\agent.jar                          | agent",
        "com.acme.Main --plugin /opt/x/plugin.jar      | Main",
        "''                                            | unknown-tool",
        "NULL                                          | unknown-tool",
    })
    void theSimpleNameOfTheMainClassOrJar(String command, String tool) {
        assertThat(ToolName.fromJavaCommand(command)).isEqualTo(tool);
    }
}
