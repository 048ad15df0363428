package dev.airlock.agent.internal;

import dev.airlock.engine.AgentLinks;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.zip.CRC32;

/**
 * The runtime jar the agent jar carries as {@value #NESTED}, unpacked into the cache directory under a name made
 * of its size and checksum, so that later starts of the same version reuse it and different versions never mix.
 * From it come the bridge classes, for the bootstrap class loader, and the SDK hook classes the agent defines in
 * the SDK's class loaders.
 */
public final class RuntimeJar {

    public static final String NESTED = AgentLinks.NESTED_RUNTIME;
    static final String BRIDGE_PACKAGE = AgentLinks.BRIDGE_PACKAGE_PATH;
    static final String SDK_PACKAGE = AgentLinks.SDK_PACKAGE_PATH;
    /** The SDK v1 hooks, kept apart: a v1 hook cannot be defined in a loader without v1, nor a v2 one without v2. */
    static final String SDK_V1_PACKAGE = AgentLinks.SDK_V1_PACKAGE_PATH;

    private final Path jar;
    private final String key;
    private final CacheDirectory cacheDir;
    private final Map<String, byte[]> bridgeClasses;
    private final Map<String, byte[]> sdkHelpers;
    private final Map<String, byte[]> sdkV1Helpers;

    private RuntimeJar(Path jar, String key, CacheDirectory cacheDir, Map<String, byte[]> bridgeClasses,
                       Map<String, byte[]> sdkHelpers, Map<String, byte[]> sdkV1Helpers) {
        this.jar = jar;
        this.key = key;
        this.cacheDir = cacheDir;
        this.bridgeClasses = bridgeClasses;
        this.sdkHelpers = sdkHelpers;
        this.sdkV1Helpers = sdkV1Helpers;
    }

    /** Unpacks the runtime nested in the agent jar (or reuses the copy a previous start unpacked). */
    public static RuntimeJar unpack() throws IOException {
        CacheDirectory cacheDir = CacheDirectory.resolve();
        Path agentJar = agentJar();
        if (agentJar != null) {
            try (JarFile file = new JarFile(agentJar.toFile())) {
                JarEntry entry = file.getJarEntry(NESTED);
                if (entry != null && entry.getSize() >= 0) {
                    String name = cacheName(entry.getSize(), entry.getCrc());
                    return split(cacheDir.store(name, entry.getSize(), () -> file.getInputStream(entry)), cacheDir);
                }
            }
        }
        try (InputStream in = RuntimeJar.class.getClassLoader().getResourceAsStream(NESTED)) {
            if (in == null) {
                throw new IOException("the agent jar does not contain " + NESTED);
            }
            return unpack(in.readAllBytes(), cacheDir);
        }
    }

    static RuntimeJar unpack(byte[] runtimeBytes, CacheDirectory cacheDir) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(runtimeBytes);
        String name = cacheName(runtimeBytes.length, crc.getValue());
        return split(cacheDir.store(name, runtimeBytes.length, () -> new ByteArrayInputStream(runtimeBytes)), cacheDir);
    }

    /**
     * Named by the runtime's size and CRC-32, which the agent jar records for its nested entry: a start that finds
     * its copy reads nothing more of the agent jar. The directory is private to the user, so the name only has to
     * tell versions apart, not resist forgery.
     */
    static String cacheName(long size, long crc) {
        String hex = Long.toHexString(crc & 0xffffffffL);
        return "runtime-" + size + "-" + "0".repeat(8 - hex.length()) + hex + ".jar";
    }

    private static RuntimeJar split(Path jar, CacheDirectory cacheDir) throws IOException {
        Map<String, byte[]> bridge = new TreeMap<>();
        Map<String, byte[]> helpers = new TreeMap<>();
        Map<String, byte[]> v1Helpers = new TreeMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                String name = entry.getName();
                if (!name.endsWith(".class")) {
                    continue;
                }
                if (name.startsWith(BRIDGE_PACKAGE)) {
                    bridge.put(binaryName(name), read(file, entry));
                } else if (name.startsWith(SDK_V1_PACKAGE)) {
                    v1Helpers.put(binaryName(name), read(file, entry));
                } else if (name.startsWith(SDK_PACKAGE)) {
                    helpers.put(binaryName(name), read(file, entry));
                }
            }
        }
        if (bridge.isEmpty() || helpers.isEmpty()) {
            throw new IOException("the runtime jar " + jar + " lacks the bridge or the SDK hook classes");
        }
        String base = jar.getFileName().toString();
        return new RuntimeJar(jar, base.substring("runtime-".length(), base.length() - ".jar".length()), cacheDir,
                Collections.unmodifiableMap(bridge), Collections.unmodifiableMap(helpers),
                Collections.unmodifiableMap(v1Helpers));
    }

    private static String binaryName(String entryName) {
        return entryName.substring(0, entryName.length() - ".class".length()).replace('/', '.');
    }

    /** The unpacked runtime, for the runtime's own class loader. */
    public Path jar() {
        return jar;
    }

    /** The {@code dev.airlock.bridge} classes by binary name, for the bootstrap class loader. */
    public Map<String, byte[]> bridgeClasses() {
        return bridgeClasses;
    }

    /** The {@code dev.airlock.bridge} classes alone in a jar, for the bootstrap search path; written on demand. */
    public Path bridgeJar() throws IOException {
        byte[] bytes = jarOf(bridgeClasses);
        return cacheDir.store("bridge-" + key + ".jar", bytes.length, () -> new ByteArrayInputStream(bytes));
    }

    /** The {@code dev.airlock.sdk} classes by binary name, to define in each class loader that holds the SDK. */
    public Map<String, byte[]> sdkHelpers() {
        return sdkHelpers;
    }

    /** The {@code dev.airlock.sdk.v1} classes by binary name, to define in each class loader that holds SDK v1. */
    public Map<String, byte[]> sdkV1Helpers() {
        return sdkV1Helpers;
    }

    /** The agent jar this runtime came from, or null when it cannot be told (a test class path). */
    public static Path agentJarPath() {
        return agentJar();
    }

    private static Path agentJar() {
        try {
            CodeSource source = RuntimeJar.class.getProtectionDomain().getCodeSource();
            URL location = source == null ? null : source.getLocation();
            if (location == null || !"file".equals(location.getProtocol())) {
                return null;
            }
            Path path = Path.of(location.toURI());
            return Files.isRegularFile(path) ? path : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static byte[] read(JarFile file, JarEntry entry) throws IOException {
        try (InputStream in = file.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    private static byte[] jarOf(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                JarEntry entry = new JarEntry(e.getKey().replace('.', '/') + ".class");
                entry.setTime(0L); // the same classes give the same bytes
                out.putNextEntry(entry);
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
