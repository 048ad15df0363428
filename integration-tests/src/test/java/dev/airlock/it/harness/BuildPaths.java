package dev.airlock.it.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;

/** Where the build put what the tests run: the agent jar, the CLI jar, the sample tool and its class path. */
public final class BuildPaths {

    private static final Properties PROPERTIES = load();

    private BuildPaths() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = BuildPaths.class.getResourceAsStream("/airlock-it.properties")) {
            if (in == null) {
                throw new IllegalStateException("airlock-it.properties is missing from the test class path; "
                        + "build with Maven (mvn -B verify) so that it is generated");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static Path path(String key) {
        return Path.of(PROPERTIES.getProperty(key)).toAbsolutePath().normalize();
    }

    /** The agent jar; fails with the command that builds it when it is not there. */
    public static Path agentJar() {
        Path jar = path("agent.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the Airlock agent jar is missing at " + jar
                    + "; build it first: mvn -B package (from the repository root)");
        }
        return jar;
    }

    /** The runtime's self-contained jar with the {@code airlock} command line. */
    public static Path cliJar() {
        Path jar = path("cli.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the Airlock CLI jar is missing at " + jar
                    + "; build it first: mvn -B package (from the repository root)");
        }
        return jar;
    }

    /** The compiled sample tool, without its dependencies. */
    public static Path sampleClasses() {
        return path("sample.classes");
    }

    /**
     * The class path of the sample tool as a user runs it: the tool and the AWS SDK, nothing of Airlock.
     */
    public static String sampleClasspath() {
        try {
            String sdk = Files.readString(path("sample.classpath.file")).trim();
            return sampleClasses() + java.io.File.pathSeparator + sdk;
        } catch (IOException e) {
            throw new UncheckedIOException("the sample's class path file is missing; build with Maven", e);
        }
    }

    /** A host program built against AWS SDK 2.20, with its class path: nothing of Airlock's. */
    public static String legacyHostClasspath() {
        try {
            String sdk = Files.readString(path("legacy.host.classpath.file")).trim();
            return path("legacy.host.classes") + java.io.File.pathSeparator + sdk;
        } catch (IOException e) {
            throw new UncheckedIOException("the legacy host's class path file is missing; build with Maven", e);
        }
    }

    /** The same host program on the SDK the build uses (2.57), for the comparison with the older one. */
    public static String legacyHostOnCurrentSdkClasspath() {
        try {
            String sdk = Files.readString(path("sample.classpath.file")).trim();
            return path("legacy.host.classes") + java.io.File.pathSeparator + sdk;
        } catch (IOException e) {
            throw new UncheckedIOException("the sample's class path file is missing; build with Maven", e);
        }
    }

    /** The demo's class path: the test classes, the sample, the servers and the runtime. */
    public static String demoClasspath() {
        try {
            String deps = Files.readString(path("demo.classpath.file")).trim();
            return path("test.classes") + java.io.File.pathSeparator + sampleClasses() + java.io.File.pathSeparator
                    + deps;
        } catch (IOException e) {
            throw new UncheckedIOException("the demo's class path file is missing; build with Maven", e);
        }
    }

    /** The sqlite4java native libraries DynamoDB Local needs. */
    public static Path nativeLibraries() {
        return path("native.libs");
    }

    /** A fresh, empty directory for one scenario's files (audit log, plans, policies). */
    public static Path freshWorkDir(String name) {
        Path dir = path("work.dir").resolve(name);
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
