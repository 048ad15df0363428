package dev.airlock.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * An agent that does nothing: what the JDK itself charges for any {@code -javaagent} (the {@code java.instrument}
 * module, the agent jar opened and indexed, its class loaded), the floor under every agent's start cost.
 */
public final class EmptyAgent {

    private EmptyAgent() {
    }

    public static void premain(String args, java.lang.instrument.Instrumentation inst) {
        // nothing, on purpose
    }

    /** Writes the agent jar: a manifest and this one class. */
    static Path writeJar(Path directory) throws IOException {
        Path jar = directory.resolve("empty-agent.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", EmptyAgent.class.getName());
        String entry = EmptyAgent.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream in = EmptyAgent.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
