package dev.airlock.process.internal.shim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The private directory of shims that goes first on every child's PATH: one script, {@code airlock-shim}, that
 * knows this JVM's port and secret, and a link to it under each recognised tool's name. Written once at start;
 * checked before each process start and rewritten when anything in it was changed.
 */
public final class ShimDirectory {

    static final String SCRIPT = "airlock-shim";
    private static final String RESOURCE = "/dev/airlock/process/shims/" + SCRIPT;

    private final Path dir;
    private final byte[] script;
    private final List<String> tools;

    private ShimDirectory(Path dir, byte[] script, List<String> tools) {
        this.dir = dir;
        this.script = script;
        this.tools = List.copyOf(tools);
    }

    /**
     * Creates a new private directory (mode 700) under {@code parent} (the system's temporary directory when
     * null) with a shim for each of {@code tools} that asks the server on {@code port} with {@code secret}.
     */
    public static ShimDirectory create(Path parent, Collection<String> tools, int port, String secret)
            throws IOException {
        removeStale(parent == null ? Path.of(System.getProperty("java.io.tmpdir")) : parent);
        Path dir = parent == null
                ? Files.createTempDirectory("airlock-shims-", PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")))
                : Files.createTempDirectory(parent, "airlock-shims-", PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
        dir = dir.toRealPath();
        String template = template();
        String text = template.replace("@PORT@", Integer.toString(port))
                .replace("@SECRET@", secret)
                .replace("@DIR@", shellQuoted(dir.toString()))
                .replace("@PID@", Long.toString(ProcessHandle.current().pid()));
        ShimDirectory d = new ShimDirectory(dir, text.getBytes(StandardCharsets.UTF_8), List.copyOf(tools));
        d.write();
        return d;
    }

    /**
     * Directories left by JVMs that ended more than a day ago. A younger one may still serve a child that outlived
     * its JVM, whose shims then fail closed; removing it would let the child reach the real tool.
     */
    static void removeStale(Path parent) {
        long dayAgo = System.currentTimeMillis() - 24L * 3600 * 1000;
        try (Stream<Path> dirs = Files.list(parent)) {
            dirs.filter(d -> d.getFileName().toString().startsWith("airlock-shims-")).limit(1000).forEach(d -> {
                try {
                    Path script = d.resolve(SCRIPT);
                    if (!Files.isRegularFile(script) || Files.getLastModifiedTime(d).toMillis() > dayAgo
                            || Files.size(script) > 64 * 1024) {
                        return;
                    }
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("__airlock_pid=(\\d{1,10})")
                            .matcher(Files.readString(script));
                    if (m.find() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
                        new ShimDirectory(d, new byte[0], List.of()).delete();
                    }
                } catch (IOException | RuntimeException e) {
                    // someone else's, or in use: left alone
                }
            });
        } catch (IOException | RuntimeException e) {
            // no listing: nothing to tidy
        }
    }

    /** Whether programs in this directory can run (a noexec mount cannot); tries one tiny script, once. */
    boolean canRun() {
        Path probe = dir.resolve("airlock-probe");
        try {
            Files.writeString(probe, "#!/bin/sh\nexit 0\n");
            Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("r-x------"));
            Process p = new ProcessBuilder(probe.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException e) {
                // harmless: not a tool's name
            }
        }
    }

    public Path path() {
        return dir;
    }

    public List<String> tools() {
        return tools;
    }

    /**
     * Puts every shim back as it was written, if anything changed it. A descendant running as the same user can
     * rewrite files in this directory; this keeps a changed shim from outliving the next process start.
     *
     * @return true when the directory was intact
     */
    public synchronized boolean restore() {
        try {
            if (intact()) {
                return true;
            }
            write();
        } catch (IOException | UncheckedIOException e) {
            // The next start tries again; a missing shim makes the tool fail to start, not run unguarded.
        }
        return false;
    }

    /** Removes the directory; the shims left with a running child then fail closed. */
    public void delete() {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort, at exit
                }
            });
        } catch (IOException e) {
            // best effort, at exit
        }
    }

    private boolean intact() throws IOException {
        Path s = dir.resolve(SCRIPT);
        if (!Files.isRegularFile(s, LinkOption.NOFOLLOW_LINKS) || Files.size(s) != script.length
                || !Arrays.equals(Files.readAllBytes(s), script)) {
            return false;
        }
        for (String tool : tools) {
            Path link = dir.resolve(tool);
            if (!Files.isSymbolicLink(link) || !Files.readSymbolicLink(link).toString().equals(SCRIPT)) {
                return false;
            }
        }
        return true;
    }

    private void write() throws IOException {
        Files.createDirectories(dir);
        Path s = dir.resolve(SCRIPT);
        Path tmp = dir.resolve(SCRIPT + ".new");
        Files.deleteIfExists(tmp);
        Files.write(tmp, script);
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("r-x------"));
        Files.move(tmp, s, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        for (String tool : tools) {
            Path link = dir.resolve(tool);
            if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).toString().equals(SCRIPT)) {
                continue;
            }
            Files.deleteIfExists(link);
            try {
                Files.createSymbolicLink(link, Path.of(SCRIPT));
            } catch (FileAlreadyExistsException e) {
                // another start restored it first
            }
        }
    }

    private static String template() {
        try (InputStream in = ShimDirectory.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the shim script " + RESOURCE + " is missing from Airlock's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String shellQuoted(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
