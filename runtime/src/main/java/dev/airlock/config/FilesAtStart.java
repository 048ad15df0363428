package dev.airlock.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The config and policy files as the agent read them before the host's {@code main}. The engine starts beside
 * the host, so without these a tool could rewrite its policy file in its first line of code and be guarded by
 * that. Files not read then are read when asked.
 */
public final class FilesAtStart {

    private static final Map<String, byte[]> FILES = new ConcurrentHashMap<>();

    private FilesAtStart() {
    }

    /** @param files file contents by absolute, normalised path */
    public static void remember(Map<String, byte[]> files) {
        if (files != null) {
            FILES.putAll(files);
        }
    }

    /** The file's bytes as they were at start, or as they are now when the agent did not read it then. */
    public static byte[] read(Path file) throws IOException {
        byte[] early = FILES.get(file.toAbsolutePath().normalize().toString());
        return early != null ? early.clone() : Files.readAllBytes(file);
    }
}
