package dev.airlock.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.airlock.audit.AuditRecord;
import dev.airlock.audit.RecordingAuditLog;
import dev.airlock.call.Call;
import dev.airlock.catalog.ActionCatalog;
import dev.airlock.config.AirlockConfig;
import dev.airlock.engine.Engine;
import dev.airlock.gate.Verdict;
import dev.airlock.plan.PlanBook;
import dev.airlock.policy.Policy;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shims a guarded JVM's children find first on their PATH: a recognised tool that a descendant starts by
 * name is decided by the same engine, and the real tool runs only when it may.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class DescendantShimsTest {

    @TempDir
    Path dir;

    private final RecordingAuditLog recording = new RecordingAuditLog();
    private final List<AuditRecord> audit = recording.records;
    private final List<ProcessGuard> guards = new ArrayList<>();
    private Path ranLog;
    private Map<String, String> env;

    @BeforeEach
    void realTools() throws IOException {
        assumeThat(Files.isExecutable(Path.of("/bin/bash"))).as("the shims need /bin/bash").isTrue();
        Path bin = Files.createDirectories(dir.resolve("bin"));
        ranLog = dir.resolve("ran.log");
        Files.writeString(ranLog, "");
        for (String tool : List.of("aws", "terraform")) {
            Path p = bin.resolve(tool);
            Files.writeString(p, "#!/bin/sh\necho \"$(basename \"$0\") $* region=$AWS_REGION\" >> '" + ranLog + "'\n");
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        env = new HashMap<>();
        env.put("PATH", bin + ":/usr/bin:/bin");
        env.put("HOME", dir.toString());
        env.put("AWS_REGION", "eu-west-1");
    }

    @AfterEach
    void closeShims() {
        guards.forEach(ProcessGuard::closeShims);
    }

    @Test
    void aDestructiveToolStartedByAGrandchildNeverRuns() throws Exception {
        ProcessGuard guard = guard(Policy.builtInDefault());
        Path makefile = dir.resolve("Makefile");
        // make runs its recipe through /bin/sh, which finds aws on the PATH: a grandchild the hook never sees.
        Files.writeString(makefile, "teardown:\n\taws s3 rb s3://demo --force\nlist:\n\taws s3 ls\n");
        assumeThat(Files.isExecutable(Path.of("/usr/bin/make"))).as("make is installed").isTrue();

        Run teardown = start(guard, List.of("make", "teardown"));
        Run list = start(guard, List.of("make", "list"));

        assertThat(Files.readString(ranLog)).doesNotContain("rb").contains("aws s3 ls region=eu-west-1");
        assertThat(teardown.exit()).isNotZero();
        assertThat(teardown.stderr()).contains("Airlock held s3:DeleteBucket", "aws s3 rb s3://demo --force");
        assertThat(list.exit()).isZero();
        assertThat(audit).extracting(AuditRecord::action).contains("s3:DeleteBucket", "s3:ListAllMyBuckets");
    }

    @Test
    void theShimRunsTheRealToolAfterItselfOnThePathWithTheSameArguments() throws Exception {
        ProcessGuard guard = guard(Policy.builtInDefault());

        Run run = start(guard, List.of("/bin/sh", "-c", "T=terraform; $T version; X=aws; $X s3 ls 's3://a b'"));

        assertThat(run.exit()).isZero();
        assertThat(Files.readString(ranLog)).contains("terraform version", "aws s3 ls s3://a b region=eu-west-1");
    }

    @Test
    void whenTheGuardingJvmIsGoneDestructiveCommandsFailClosedAndReadsRun() throws Exception {
        ProcessGuard guard = guard(Policy.builtInDefault());
        ProcessDecision first = guard.decide(List.of("true"), env, dir);
        Map<String, String> childEnv = new HashMap<>(env);
        childEnv.putAll(first.environment());
        guard.closeShims();

        Run rb = run(List.of("/bin/sh", "-c", "aws s3 rb s3://demo --force"), childEnv);
        Run ls = run(List.of("/bin/sh", "-c", "aws s3 ls && aws --region eu-west-1 ec2 describe-instances"),
                childEnv);
        Run write = run(List.of("/bin/sh", "-c", "aws --region eu-west-1 s3 cp a s3://demo/a"), childEnv);

        assertThat(rb.exit()).isNotZero();
        assertThat(rb.stderr()).contains("cannot be reached", "fail closed");
        assertThat(ls.exit()).isZero();
        assertThat(write.exit()).as("a write is not plainly a read: it fails closed too").isNotZero();
        assertThat(Files.readString(ranLog)).doesNotContain("rb", "cp").contains("aws s3 ls",
                "aws --region eu-west-1 ec2 describe-instances");
    }

    @Test
    void aCallTheHookLetThroughIsNotAskedAgainInTheChild() throws Exception {
        List<Call> asked = new CopyOnWriteArrayList<>();
        ProcessGuard guard = ProcessGuard.deciding(call -> {
            asked.add(call);
            return Verdict.proceed();
        }, ActionCatalog.builtIn()).terraformPlanSeconds(0).shimParent(dir).build();
        guards.add(guard);

        Run run = start(guard, List.of("/bin/sh", "-c", "aws s3api delete-bucket --bucket demo"));
        Run again = start(guard, List.of("make", "-v"));
        Run child = run(List.of("/bin/sh", "-c", "aws s3api delete-bucket --bucket demo"), again.environment());

        assertThat(run.exit()).isZero();
        assertThat(child.exit()).isZero();
        // once by the hook; the shim used that pass; a second, new run of the same command is asked again
        assertThat(asked).extracting(Call::operation).containsExactly("DeleteBucket", "DeleteBucket");
    }

    @Test
    void aShimChangedByADescendantIsPutBackAtTheNextStart() throws Exception {
        ProcessGuard guard = guard(Policy.builtInDefault());
        guard.decide(List.of("true"), env, dir);
        Path shim = guard.shimDirectory().resolve("airlock-shim");
        Files.setPosixFilePermissions(shim, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(shim, "#!/bin/sh\nexec /bin/true\n");
        Files.writeString(dir.resolve("teardown.pl"),
                "system('aws', 's3', 'rb', 's3://demo', '--force'); exit($? >> 8);\n");
        assumeThat(Files.isExecutable(Path.of("/usr/bin/perl"))).as("perl is installed").isTrue();

        Run rb = start(guard, List.of("perl", "teardown.pl"));

        assertThat(rb.exit()).isNotZero();
        assertThat(Files.readString(ranLog)).doesNotContain("rb");
    }

    @Test
    void theEndpointAnswersNothingWithoutTheSecret() throws Exception {
        ProcessGuard guard = guard(Policy.builtInDefault());
        guard.decide(List.of("true"), env, dir);
        String text = Files.readString(guard.shimDirectory().resolve("airlock-shim"));
        int port = Integer.parseInt(text.replaceAll("(?s).*__airlock_port=(\\d+).*", "$1"));

        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(15_000);
            OutputStream out = s.getOutputStream();
            out.write(("AIRLOCK-SHIM-1\0" + "0".repeat(64) + "\0/\0aws\0" + "2\0s3\0ls\0END\0")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertThat(s.getInputStream().readAllBytes()).isEmpty();
        }
        assertThat(audit).isEmpty();
        assertThat(Files.getPosixFilePermissions(guard.shimDirectory()))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    private ProcessGuard guard(Policy policy) throws Exception {
        Engine engine = Engine.builder(AirlockConfig.of(Map.of())).catalog(ActionCatalog.builtIn()).policy(policy)
                .audit(recording).build();
        ProcessGuard g = ProcessGuard.builder(engine).terraformPlanSeconds(0).shimParent(dir).build();
        guards.add(g);
        return g;
    }

    private record Run(int exit, String stderr, Map<String, String> environment) {
    }

    /** Starts a command the way the agent's hook does: decide, then start with the decided environment. */
    private Run start(ProcessGuard guard, List<String> command) throws Exception {
        ProcessDecision d = guard.decide(command, env, dir);
        assertThat(d.proceeds()).as(d.toString()).isTrue();
        Map<String, String> childEnv = new HashMap<>(env);
        childEnv.putAll(d.environment());
        return run(command, childEnv);
    }

    private Run run(List<String> command, Map<String, String> childEnv) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(childEnv);
        Path err = Files.createTempFile(dir, "err", ".txt");
        pb.redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Run(p.exitValue(), Files.readString(err), childEnv);
    }

}
