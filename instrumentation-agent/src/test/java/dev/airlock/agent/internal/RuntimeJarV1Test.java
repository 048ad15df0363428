package dev.airlock.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK v1 hooks are a set of their own: a v1 class defined where only v2 is (or the reverse) would fail the
 * whole definition, and with it the guarding of that SDK.
 */
class RuntimeJarV1Test {

    @TempDir
    Path tmp;

    @Test
    void v1HooksAreKeptApartFromTheV2Hooks() throws IOException {
        byte[] runtime = jar(Map.of(
                "dev/airlock/bridge/CallGuard.class", "gate",
                "dev/airlock/sdk/internal/AgentHook.class", "v2",
                "dev/airlock/sdk/v1/internal/V1AgentHook.class", "v1",
                "dev/airlock/sdk/v1/AirlockHeldV1Exception.class", "v1-exception",
                "dev/airlock/sdk/v1/AirlockDeniedV1Exception.class", "v1-denied",
                "dev/airlock/sdk/AirlockDeniedException.class", "v2-denied"));

        RuntimeJar unpacked = RuntimeJar.unpack(runtime, CacheDirectory.resolve(tmp.resolve("cache")));

        assertThat(unpacked.sdkHelpers()).containsOnlyKeys("dev.airlock.sdk.internal.AgentHook",
                "dev.airlock.sdk.AirlockDeniedException");
        assertThat(unpacked.sdkV1Helpers()).containsOnlyKeys("dev.airlock.sdk.v1.internal.V1AgentHook",
                "dev.airlock.sdk.v1.AirlockHeldV1Exception", "dev.airlock.sdk.v1.AirlockDeniedV1Exception");
    }

    private static byte[] jar(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes)) {
            for (Map.Entry<String, String> e : new TreeMap<>(entries).entrySet()) {
                out.putNextEntry(new JarEntry(e.getKey()));
                out.write(e.getValue().getBytes());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
