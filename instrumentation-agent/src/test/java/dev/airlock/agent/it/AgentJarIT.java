package dev.airlock.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import org.junit.jupiter.api.Test;

/**
 * The agent jar sits on the host's system class path, so everything at its top level is visible to the
 * application: only the agent's own classes and its relocated ASM may be there; the runtime and Airlock's own AWS
 * client are nested.
 */
class AgentJarIT {

    private final Path agentJar =
            Path.of(System.getProperty("airlock.it.agentJar", "target/airlock-agent.jar")).toAbsolutePath();

    @Test
    void topLevelHoldsOnlyTheAgentItsRelocatedAsmAndTheNestedJars() throws IOException {
        try (JarFile jar = new JarFile(agentJar.toFile())) {
            List<String> names = Collections.list(jar.entries()).stream().map(JarEntry::getName).toList();
            assertThat(names).isNotEmpty().allSatisfy(name -> assertThat(name).matches(
                    "dev/|dev/airlock/|dev/airlock/agent/.*|dev/airlock/shaded/|dev/airlock/shaded/bytebuddy/"
                            + "|dev/airlock/shaded/bytebuddy/jar/.*|META-INF/.*|airlock/|airlock/runtime\\.jar"
                            + "|airlock/egress\\.jar"));
            assertThat(names).contains("dev/airlock/agent/AirlockAgent.class", "airlock/runtime.jar",
                            "airlock/egress.jar", "dev/airlock/shaded/bytebuddy/jar/asm/ClassReader.class")
                    .noneMatch(n -> n.startsWith("META-INF/versions/") || n.endsWith("module-info.class"));
        }
    }

    @Test
    void staysWithinItsSizeBudget() {
        assertThat(agentJar.toFile().length()).as("agent jar bytes").isLessThanOrEqualTo(12L * 1024 * 1024);
    }

    @Test
    void nestedEgressCarriesItsOwnRelocatedSdkAndNothingTheHostCouldMeet() throws IOException {
        List<String> names = new ArrayList<>();
        try (JarFile jar = new JarFile(agentJar.toFile());
             InputStream nested = jar.getInputStream(jar.getJarEntry("airlock/egress.jar"));
             JarInputStream egress = new JarInputStream(nested)) {
            for (JarEntry e; (e = egress.getNextJarEntry()) != null; ) {
                names.add(e.getName());
            }
        }
        assertThat(names).contains("dev/airlock/egress/sdk/SdkEgressParts.class",
                "dev/airlock/shaded/awssdk/services/sts/StsClient.class",
                "dev/airlock/shaded/awssdk/services/dynamodb/DynamoDbClient.class",
                "dev/airlock/shaded/awssdk/services/s3/S3Client.class",
                "META-INF/services/dev.airlock.egress.EgressParts");
        assertThat(names).noneMatch(n -> n.startsWith("software/") || n.startsWith("org/")
                || n.startsWith("dev/airlock/engine/"));
    }

    @Test
    void manifestNamesTheAgentForStartAndAttach() throws IOException {
        try (JarFile jar = new JarFile(agentJar.toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertThat(main.getValue("Premain-Class")).isEqualTo("dev.airlock.agent.AirlockAgent");
            assertThat(main.getValue("Agent-Class")).isEqualTo("dev.airlock.agent.AirlockAgent");
            assertThat(main.getValue("Can-Retransform-Classes")).isEqualTo("true");
            assertThat(main.getValue("Can-Redefine-Classes")).isEqualTo("true");
        }
    }

    @Test
    void nestedRuntimeCarriesTheEngineTheBridgeAndTheSdkHooks() throws IOException {
        List<String> names = new ArrayList<>();
        try (JarFile jar = new JarFile(agentJar.toFile());
             InputStream nested = jar.getInputStream(jar.getJarEntry("airlock/runtime.jar"));
             JarInputStream runtime = new JarInputStream(nested)) {
            for (JarEntry e; (e = runtime.getNextJarEntry()) != null; ) {
                names.add(e.getName());
            }
        }
        assertThat(names).contains("dev/airlock/engine/AgentEntry.class", "dev/airlock/bridge/AirlockBridge.class",
                "dev/airlock/bridge/CallGuard.class", "dev/airlock/sdk/internal/AgentHook.class",
                "dev/airlock/sdk/AirlockHeldException.class", "dev/airlock/sdk/AirlockDeniedException.class",
                "dev/airlock/sdk/v1/AirlockDeniedV1Exception.class");
        assertThat(names).noneMatch(n -> n.startsWith("com/fasterxml/") || n.startsWith("org/yaml/")
                || n.startsWith("software/amazon/"));
    }
}
