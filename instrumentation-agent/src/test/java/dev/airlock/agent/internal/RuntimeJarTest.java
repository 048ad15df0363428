package dev.airlock.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeJarTest {

    @TempDir
    Path tmp;

    @Test
    void unpacksUnderItsSizeAndChecksumAndSplitsOutTheBridgeAndTheSdkHooks() throws IOException {
        byte[] runtime = jar(Map.of(
                "dev/airlock/bridge/CallGuard.class", "gate",
                "dev/airlock/sdk/internal/AgentHook.class", "hook",
                "dev/airlock/engine/Engine.class", "engine",
                "dev/airlock/catalog/actions.json", "{}"));

        RuntimeJar unpacked = RuntimeJar.unpack(runtime, CacheDirectory.resolve(tmp.resolve("cache")));

        CRC32 crc = new CRC32();
        crc.update(runtime);
        assertThat(unpacked.jar().getFileName().toString())
                .isEqualTo(String.format("runtime-%d-%08x.jar", runtime.length, crc.getValue()));
        assertThat(Files.readAllBytes(unpacked.jar())).isEqualTo(runtime);
        assertThat(unpacked.bridgeClasses()).containsOnlyKeys("dev.airlock.bridge.CallGuard");
        assertThat(unpacked.sdkHelpers()).containsOnlyKeys("dev.airlock.sdk.internal.AgentHook");
        assertThat(new String(unpacked.sdkHelpers().get("dev.airlock.sdk.internal.AgentHook"))).isEqualTo("hook");
        try (JarFile bridge = new JarFile(unpacked.bridgeJar().toFile())) {
            assertThat(Collections.list(bridge.entries())).extracting(JarEntry::getName)
                    .containsExactly("dev/airlock/bridge/CallGuard.class");
        }
    }

    @Test
    void aLaterStartReusesTheUnpackedCopy() throws IOException {
        byte[] runtime = jar(Map.of("dev/airlock/bridge/A.class", "a", "dev/airlock/sdk/B.class", "b"));
        Path cache = tmp.resolve("cache");
        Path first = RuntimeJar.unpack(runtime, CacheDirectory.resolve(cache)).jar();
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(first, old);

        Path second = RuntimeJar.unpack(runtime, CacheDirectory.resolve(cache)).jar();

        assertThat(second).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(second)).isEqualTo(old);
        try (Stream<Path> files = Files.list(cache)) {
            // The runtime, and the small copy of its bridge and hook classes that later starts read instead.
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .allMatch(n -> n.endsWith(".jar")).hasSize(2)
                    .satisfiesExactly(h -> assertThat(h).startsWith("hooks-"), r -> assertThat(r).startsWith("runtime-"));
        }
    }

    @Test
    void aDamagedCopyOfTheHookClassesIsReadFromTheRuntimeAgain() throws IOException {
        byte[] runtime = jar(Map.of("dev/airlock/bridge/A.class", "a", "dev/airlock/sdk/B.class", "b"));
        Path cache = tmp.resolve("cache");
        RuntimeJar first = RuntimeJar.unpack(runtime, CacheDirectory.resolve(cache));
        try (Stream<Path> files = Files.list(cache)) {
            for (Path hooks : files.filter(p -> p.getFileName().toString().startsWith("hooks-")).toList()) {
                Files.writeString(hooks, "not a jar");
            }
        }

        RuntimeJar second = RuntimeJar.unpack(runtime, CacheDirectory.resolve(cache));

        assertThat(second.bridgeClasses().keySet()).isEqualTo(first.bridgeClasses().keySet());
        assertThat(new String(second.sdkHelpers().get("dev.airlock.sdk.B"))).isEqualTo("b");
    }

    @Test
    void anotherVersionGetsItsOwnCopy() throws IOException {
        Path cache = tmp.resolve("cache");
        Path one = RuntimeJar.unpack(jar(Map.of("dev/airlock/bridge/A.class", "a", "dev/airlock/sdk/B.class", "1")),
                CacheDirectory.resolve(cache)).jar();
        Path two = RuntimeJar.unpack(jar(Map.of("dev/airlock/bridge/A.class", "a", "dev/airlock/sdk/B.class", "2")),
                CacheDirectory.resolve(cache)).jar();

        assertThat(two).isNotEqualTo(one);
        assertThat(one).exists();
    }

    @Test
    void aRuntimeWithoutTheBridgeIsRefusedWithTheReason() throws IOException {
        byte[] runtime = jar(Map.of("dev/airlock/engine/Engine.class", "engine"));

        assertThatThrownBy(() -> RuntimeJar.unpack(runtime, CacheDirectory.resolve(tmp.resolve("cache"))))
                .isInstanceOf(IOException.class).hasMessageContaining("lacks the bridge");
    }

    @Test
    void aCacheDirectoryOthersCanWriteToIsNotUsed() throws IOException {
        Path shared = Files.createDirectory(tmp.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));

        CacheDirectory dir = CacheDirectory.resolve(shared);

        assertThat(dir.path()).isNotEqualTo(shared);
        assertThat(dir.temporary()).isTrue();
        assertThat(Files.getPosixFilePermissions(dir.path())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void aNewCacheDirectoryIsPrivate() throws IOException {
        CacheDirectory dir = CacheDirectory.resolve(tmp.resolve("home/.cache/airlock"));

        assertThat(dir.temporary()).isFalse();
        assertThat(Files.getPosixFilePermissions(dir.path())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    private static byte[] jar(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes)) {
            for (String name : List.copyOf(new java.util.TreeSet<>(entries.keySet()))) {
                out.putNextEntry(new JarEntry(name));
                out.write(entries.get(name).getBytes());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
