package dev.airlock.process.internal.shim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Airlock's shims for this JVM's descendants: the loopback server that answers them and the private directory
 * that holds them, both made at the first process start (a JVM that starts none leaves nothing behind). The
 * directory outlives the JVM on purpose: a child left running then finds shims that fail closed, not the real
 * tool.
 */
public final class Shims {

    private final Collection<String> tools;
    private final Function<ShimRequest, ShimAnswer> decider;
    private final Path parent;
    private final PassedCalls passed = new PassedCalls();
    private volatile ShimDirectory directory;
    private volatile String problem;
    private ShimServer server;

    public Shims(Collection<String> tools, Function<ShimRequest, ShimAnswer> decider, Path parent) {
        this.tools = List.copyOf(tools);
        this.decider = decider;
        this.parent = parent;
    }

    /** Whether shims can work here: a POSIX system with bash, whose {@code /dev/tcp} the shim talks through. */
    public static boolean supported() {
        return !System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows")
                && Files.isExecutable(Path.of("/bin/bash"));
    }

    public PassedCalls passed() {
        return passed;
    }

    /**
     * The variables to set in a child's environment: PATH with the shims first. Empty when shims could not be
     * made; {@link #problem()} then says why.
     *
     * @param childEnvironment the environment the child would start with
     */
    public Map<String, String> environmentFor(Map<String, String> childEnvironment) {
        ShimDirectory d = ready();
        if (d == null) {
            return Map.of();
        }
        d.restore();
        String dir = d.path().toString();
        String path = childEnvironment.get("PATH");
        if (path == null) {
            path = "/usr/local/bin:/usr/bin:/bin";
        }
        if (!path.equals(dir) && !path.startsWith(dir + ":")) {
            path = dir + ":" + path;
        }
        return Map.of("PATH", path);
    }

    /** The directory, once made; null before the first child or when it could not be made. */
    public Path directory() {
        ShimDirectory d = directory;
        return d == null ? null : d.path();
    }

    /** Why there are no shims, or null. */
    public String problem() {
        return problem;
    }

    private ShimDirectory ready() {
        ShimDirectory d = directory;
        if (d != null || problem != null) {
            return d;
        }
        synchronized (this) {
            if (directory == null && problem == null) {
                try {
                    server = ShimServer.start(decider);
                    directory = runnable(parent);
                    if (directory == null && parent == null) {
                        // A temporary directory mounted noexec: the shims would stop every tool, reads too.
                        Path home = Path.of(System.getProperty("user.home"), ".airlock");
                        Files.createDirectories(home);
                        directory = runnable(home);
                    }
                    if (directory == null) {
                        problem = "Airlock could not set up the shims for child processes: no directory it can "
                                + "write to lets programs run";
                        server.close();
                    }
                } catch (IOException | RuntimeException e) {
                    problem = "Airlock could not set up the shims for child processes: " + e;
                    if (server != null) {
                        server.close();
                    }
                }
            }
            return directory;
        }
    }

    /** A shim directory under {@code where} whose programs can run, or null. */
    private ShimDirectory runnable(Path where) throws IOException {
        ShimDirectory d = ShimDirectory.create(where, tools, server.port(), server.secret());
        if (d.canRun()) {
            return d;
        }
        d.delete();
        return null;
    }

    /** Stops answering; the shims left behind then fail closed. For tests and embedded use. */
    public synchronized void close() {
        if (server != null) {
            server.close();
        }
    }
}
