package dev.airlock.agent.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the build put the agent jar and the class path of the programs the end-to-end tests fork. */
final class AgentBuild {

    final Path agentJar;
    final String sdkClasspath;
    final String programClasses;

    private AgentBuild(Path agentJar, String sdkClasspath, String programClasses) {
        this.agentJar = agentJar;
        this.sdkClasspath = sdkClasspath;
        this.programClasses = programClasses;
    }

    static AgentBuild locate() throws IOException {
        Path agentJar = Path.of(System.getProperty("airlock.it.agentJar", "target/airlock-agent.jar"))
                .toAbsolutePath();
        if (!Files.isRegularFile(agentJar)) {
            throw new IllegalStateException("no agent jar at " + agentJar);
        }
        String sdkClasspath = Files.readString(Path.of(System.getProperty("airlock.it.sdkClasspath",
                "target/sdk-classpath.txt"))).trim();
        String programClasses = Path.of(System.getProperty("airlock.it.programClasses", "target/test-classes"))
                .toAbsolutePath().toString();
        return new AgentBuild(agentJar, sdkClasspath, programClasses);
    }

    /** A JVM with the programs and the SDKs on its class path, with the agent and these agent arguments. */
    ForkedJvm.Builder guardedProgram(Path cacheHome, String agentArgs) {
        return ForkedJvm.java(Path.of(System.getProperty("java.home")))
                .classpath(programClasses + File.pathSeparator + sdkClasspath)
                .env("XDG_CACHE_HOME", cacheHome.toString())
                .jvmArg("-javaagent:" + agentJar + "=" + agentArgs);
    }
}
