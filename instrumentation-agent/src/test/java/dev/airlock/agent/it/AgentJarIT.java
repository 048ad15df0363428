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
 * application: only the agent's own classes and its relocated Byte Buddy may be there; the runtime is nested.
 */
class AgentJarIT {

    private final Path agentJar =
            Path.of(System.getProperty("airlock.it.agentJar", "target/airlock-agent.jar")).toAbsolutePath();

    @Test
    void topLevelHoldsOnlyTheAgentItsRelocatedByteBuddyAndTheNestedRuntime() throws IOException {
        try (JarFile jar = new JarFile(agentJar.toFile())) {
            List<String> names = Collections.list(jar.entries()).stream().map(JarEntry::getName).toList();
            assertThat(names).isNotEmpty().allSatisfy(name -> assertThat(name).matches(
                    "dev/|dev/airlock/|dev/airlock/agent/.*|dev/airlock/shaded/|dev/airlock/shaded/bytebuddy/.*"
                            + "|META-INF/.*|airlock/|airlock/runtime\\.jar"));
            assertThat(names).contains("dev/airlock/agent/AirlockAgent.class", "airlock/runtime.jar")
                    .anyMatch(n -> n.startsWith("dev/airlock/shaded/bytebuddy/agent/builder/"))
                    .noneMatch(n -> n.startsWith("META-INF/versions/") || n.endsWith("module-info.class"));
        }
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
                "dev/airlock/sdk/AirlockHeldException.class");
        assertThat(names).noneMatch(n -> n.startsWith("com/fasterxml/") || n.startsWith("org/yaml/")
                || n.startsWith("software/amazon/"));
    }
}
