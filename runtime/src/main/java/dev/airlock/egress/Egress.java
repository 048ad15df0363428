package dev.airlock.egress;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.ServiceLoader;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.CRC32;

/**
 * Finds Airlock's own AWS client, once, on first need: the JVM start of the embedded default never pays for it.
 *
 * <p>Under the agent, the egress jar the agent unpacked is loaded in a class loader of its own, a child of the
 * runtime's; in library mode, the {@code airlock-egress} artifact on the application's class path is used.
 */
public final class Egress {

    /** Where the agent jar carries it. */
    public static final String NESTED = "airlock/egress.jar";

    private static volatile Path agentJar;
    private static volatile EgressParts parts;

    private Egress() {
    }

    /** Set by the agent at start: the agent jar, whose nested egress jar is unpacked on first need. */
    public static void fromAgentJar(Path jar) {
        agentJar = jar;
    }

    /**
     * Airlock's own AWS client parts.
     *
     * @throws IllegalStateException when no egress is available, with what to do about it
     */
    public static EgressParts parts() {
        EgressParts p = parts;
        if (p == null) {
            synchronized (Egress.class) {
                p = parts;
                if (p == null) {
                    p = load();
                    parts = p;
                }
            }
        }
        return p;
    }

    private static EgressParts load() {
        ClassLoader loader = Egress.class.getClassLoader();
        try {
            Path jar = agentJar == null ? null : unpack(agentJar);
            if (jar != null) {
                loader = new URLClassLoader("airlock-egress", new URL[] {jar.toUri().toURL()}, loader);
            }
            Iterator<EgressParts> found = ServiceLoader.load(EgressParts.class, loader).iterator();
            if (found.hasNext()) {
                return found.next();
            }
        } catch (Exception | LinkageError e) {
            throw new IllegalStateException("Airlock's own AWS client could not be loaded: " + e, e);
        }
        throw new IllegalStateException("Airlock's own AWS client (airlock-egress) is not available: under the "
                + "agent it is part of airlock-agent.jar; in library mode add the airlock-egress artifact");
    }

    /**
     * The nested egress jar, unpacked beside the runtime jar under a name made of its size and CRC-32. A copy
     * found there is used only when its bytes still match, so a file edited in the cache is written anew.
     */
    private static Path unpack(Path agent) throws IOException {
        try (JarFile file = new JarFile(agent.toFile())) {
            JarEntry entry = file.getJarEntry(NESTED);
            if (entry == null) {
                return null;
            }
            Path dir = cacheDirectory(agent);
            Path target = dir.resolve("egress-" + entry.getSize() + "-" + Long.toHexString(entry.getCrc()) + ".jar");
            if (Files.isRegularFile(target) && crcOf(target) == entry.getCrc()
                    && Files.size(target) == entry.getSize()) {
                return target;
            }
            Path temp = Files.createTempFile(dir, "egress-", ".part");
            try (InputStream in = file.getInputStream(entry)) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            return target;
        }
    }

    /** The directory the agent unpacked the runtime jar into: this class's own jar's. */
    private static Path cacheDirectory(Path agent) throws IOException {
        try {
            Path runtimeJar = Path.of(Egress.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(runtimeJar)) {
                return runtimeJar.getParent();
            }
        } catch (Exception e) {
            // a test class path: the temp directory below
        }
        return Files.createTempDirectory("airlock-egress");
    }

    private static long crcOf(Path file) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
            }
        }
        return crc.getValue();
    }
}
