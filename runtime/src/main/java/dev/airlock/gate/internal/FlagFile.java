package dev.airlock.gate.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Properties;

/**
 * The kill switch's flag on this machine: a small properties file ({@code reason}, {@code by}, {@code at}) whose
 * presence means "halted". Written whole and moved into place, so a reader never sees half of it.
 */
public final class FlagFile {

    /** What a flag says. */
    public record Flag(String reason, String by, String at) {
        public String text() {
            return reason + " (tripped by " + by + " at " + at + ")";
        }
    }

    private FlagFile() {
    }

    public static void raise(Path file, String reason, String by) throws IOException {
        Properties p = new Properties();
        p.setProperty("reason", reason);
        p.setProperty("by", by);
        p.setProperty("at", Instant.now().toString());
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".kill-switch", ".tmp");
        try (var out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(out, "Airlock kill switch: every destructive call is denied while this file exists. "
                    + "Remove it with `airlock resume`.");
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** @return true when there was a flag to lower */
    public static boolean lower(Path file) throws IOException {
        return Files.deleteIfExists(file);
    }

    /** The flag, or null when there is none. An unreadable flag still means halted. */
    public static Flag read(Path file) {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | IllegalArgumentException e) {
            if (!Files.exists(file)) {
                return null;
            }
            return new Flag("the kill switch flag " + file + " is there but unreadable (" + e + ")", "unknown",
                    "unknown");
        }
        return new Flag(p.getProperty("reason", "halted"), p.getProperty("by", "unknown"),
                p.getProperty("at", "unknown"));
    }
}
