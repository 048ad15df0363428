package dev.airlock.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.audit.AuditRecord;
import dev.airlock.audit.RecordingAuditLog;
import dev.airlock.bridge.ProcessAnswer;
import dev.airlock.call.Call;
import dev.airlock.call.Classification;
import dev.airlock.catalog.ActionCatalog;
import dev.airlock.catalog.ActionInfo;
import dev.airlock.catalog.Operation;
import dev.airlock.config.AirlockConfig;
import dev.airlock.engine.Engine;
import dev.airlock.plan.PlanBook;
import dev.airlock.policy.Effect;
import dev.airlock.policy.Policy;
import dev.airlock.policy.PolicyContext;
import dev.airlock.policy.PolicyDecision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class ProcessGuardTest {

    @TempDir
    Path dir;

    private final RecordingAuditLog recording = new RecordingAuditLog();
    private final List<AuditRecord> audit = recording.records;
    private Path ranLog;
    private Map<String, String> env;

    @BeforeEach
    void fakeTools() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        ranLog = dir.resolve("ran.log");
        Files.writeString(ranLog, "");
        for (String tool : List.of("aws", "terraform", "kubectl")) {
            Path p = bin.resolve(tool);
            Files.writeString(p, "#!/bin/sh\necho \"$(basename \"$0\") $*\" >> '" + ranLog + "'\n");
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        env = new HashMap<>();
        env.put("PATH", bin + ":/usr/bin:/bin");
        env.put("HOME", dir.toString());
    }

    @Test
    void aDestructiveCommandIsHeldWithTheTruthAboutIt() {
        ProcessDecision d = guard(Map.of(), Policy.builtInDefault())
                .decide(List.of("sh", "-c", "cd infra && terraform destroy -auto-approve"), env, dir);

        assertThat(d.proceeds()).isFalse();
        assertThat(d.outcome()).isEqualTo("HOLD");
        assertThat(d.approvalIds()).singleElement().asString().startsWith("apr-");
        assertThat(d.message()).contains("Airlock held terraform:Destroy", "NOT started",
                "`terraform destroy -auto-approve`", "sh -c", d.approvalIds().get(0), "the plan is the command itself");
        assertThat(audit).singleElement().satisfies(r -> {
            assertThat(r.verdict()).isEqualTo("HOLD");
            assertThat(r.call().origin()).isEqualTo("process");
        });
    }

    @Test
    void awsCliCallsAreDecidedAndAuditedAsCliCalls() {
        ProcessDecision d = guard(Map.of(), Policy.builtInDefault())
                .decide(List.of("aws", "s3api", "delete-bucket", "--bucket", "demo"), env, dir);

        assertThat(d.outcome()).isEqualTo("HOLD");
        assertThat(d.message()).contains("s3:DeleteBucket");
        assertThat(audit).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("s3:DeleteBucket");
            assertThat(r.call().origin()).isEqualTo("cli");
        });
    }

    @Test
    void readsAndUnknownProgramsProceedUntouched() {
        ProcessGuard guard = guard(Map.of(), Policy.builtInDefault());

        ProcessDecision read = guard.decide(List.of("bash", "-c", "aws s3 ls | grep x"), env, dir);
        ProcessDecision other = guard.decide(List.of("git", "status"), env, dir);

        assertThat(read.proceeds()).isTrue();
        assertThat(read.environment()).isEmpty();
        assertThat(read.command()).isNull();
        assertThat(other).isSameAs(ProcessDecision.proceed());
        assertThat(audit).singleElement().satisfies(r -> assertThat(r.verdict()).isEqualTo("PROCEED"));
    }

    @Test
    void everyStoppedPartIsNamed() {
        ProcessDecision d = guard(Map.of(), Policy.builtInDefault())
                .decide(List.of("sh", "-c", "kubectl delete ns a; aws s3 rb s3://b --force"), env, dir);

        assertThat(d.approvalIds()).hasSize(2);
        assertThat(d.message()).contains("2 parts", "kubectl:Delete", "s3:DeleteBucket");
    }

    @Test
    void aDenyingStatementDeniesTheProcess() {
        Policy denyAll = new FixedPolicy(new PolicyDecision(Effect.DENY, "NoTerraform", "p.yaml:2", List.of()));

        ProcessDecision d = guard(Map.of(), denyAll).decide(List.of("terraform", "destroy"), env, dir);

        assertThat(d.outcome()).isEqualTo("DENY");
        assertThat(d.message()).contains("NoTerraform", "p.yaml:2", "NOT started");
    }

    @Test
    void dryRunModeRecordsThePlanAndStartsNothing() {
        ProcessDecision d = guard(Map.of(AirlockConfig.MODE, "dry-run"), Policy.builtInDefault())
                .decide(List.of("kubectl", "delete", "ns", "prod"), env, dir);

        assertThat(d.outcome()).isEqualTo("DRY_RUN");
        assertThat(d.message()).contains("dry run", "kubectl:Delete");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void inARealShellTheDestructiveToolsNeverRunAndTheReadsDo() throws Exception {
        ProcessGuard guard = guard(Map.of(), Policy.builtInDefault());

        assertThatThrownBy(() -> start(guard, "aws s3 rb s3://demo --force"))
                .isInstanceOf(IOException.class).hasMessageContaining("NOT started");
        assertThatThrownBy(() -> start(guard, "X=destroy; terraform $X -auto-approve"))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> start(guard, "echo prod | xargs kubectl delete ns"))
                .isInstanceOf(IOException.class);
        start(guard, "aws s3 ls && terraform plan && kubectl get pods");

        assertThat(Files.readAllLines(ranLog)).containsExactly("aws s3 ls", "terraform plan", "kubectl get pods");
    }

    @Test
    void aJavaChildGetsTheAgentAsItsFirstArgument() {
        ProcessGuard guard = guardWithChildAgent();

        ProcessDecision d = guard.decide(List.of("/usr/bin/java", "-jar", "app.jar"), env, dir);

        assertThat(d.command()).containsExactly("/usr/bin/java", "-javaagent:/opt/airlock/airlock-agent.jar=tool=x",
                "-jar", "app.jar");
    }

    @Test
    void aJvmStartedThroughAShellOrBuildToolGetsItThroughJavaToolOptions() {
        ProcessGuard guard = guardWithChildAgent();
        env.put("JAVA_TOOL_OPTIONS", "-Xmx1g");

        ProcessDecision d = guard.decide(List.of("sh", "-c", "cd app && mvn -q exec:java"), env, dir);

        assertThat(d.command()).isNull();
        assertThat(d.environment()).containsEntry("JAVA_TOOL_OPTIONS",
                "-Xmx1g -javaagent:/opt/airlock/airlock-agent.jar=tool=x");
    }

    @Test
    void aChildAlreadyCarryingTheParentsAgentIsLeftAlone() {
        env.put("JAVA_TOOL_OPTIONS", "-javaagent:/opt/airlock/airlock-agent.jar=tool=x");

        ProcessDecision d = guardWithChildAgent().decide(List.of("sh", "-c", "java -jar a.jar"), env, dir);

        assertThat(d.environment()).isEmpty();
    }

    @Test
    void aChildCarryingTheAgentWithOtherSettingsGetsTheParentsAheadOfThem() {
        // The first agent on the line is the one that starts; the child's own would say enabled=false.
        env.put("JAVA_TOOL_OPTIONS", "-javaagent:/opt/airlock/airlock-agent.jar=enabled=false");

        ProcessDecision d = guardWithChildAgent().decide(List.of("sh", "-c", "java -jar a.jar"), env, dir);

        assertThat(d.environment()).containsEntry("JAVA_TOOL_OPTIONS", "-javaagent:/opt/airlock/airlock-agent.jar"
                + "=tool=x -javaagent:/opt/airlock/airlock-agent.jar=enabled=false");
    }

    @Test
    void aJvmStartedWithTheAgentStrippedIsDenied() {
        ProcessDecision d = guardWithChildAgent()
                .decide(List.of("sh", "-c", "env -u JAVA_TOOL_OPTIONS java -jar app.jar"), env, dir);

        assertThat(d.outcome()).isEqualTo("DENY");
        assertThat(d.message()).contains("without Airlock's agent", "java -jar app.jar");
    }

    @Test
    void programsThatStartNoJvmAreNotTouched() {
        ProcessDecision d = guardWithChildAgent().decide(List.of("sh", "-c", "ls -la"), env, dir);

        assertThat(d).isSameAs(ProcessDecision.proceed());
    }

    @Test
    void anInternalErrorStopsGuardedToolsAndLetsOtherProgramsThrough() throws Exception {
        Engine engine = Engine.builder(AirlockConfig.of(Map.of())).catalog(new BrokenCatalog())
                .policy(Policy.builtInDefault()).audit(recording).plans(PlanBook.discard()).build();
        ProcessGuard guard = ProcessGuard.builder(engine).terraformPlanSeconds(0).build();

        ProcessDecision aws = guard.decide(List.of("aws", "s3api", "list-buckets"), env, dir);
        ProcessDecision ls = guard.decide(List.of("ls"), env, dir);

        assertThat(aws.outcome()).isEqualTo("DENY");
        assertThat(aws.message()).contains("could not read this command", "catalog is broken");
        assertThat(ls.proceeds()).isTrue();
    }

    @Test
    void aCommandNestedBeyondReadingIsDenied() {
        ProcessDecision d = guard(Map.of(), Policy.builtInDefault())
                .decide(List.of("sh", "-c", "timeout 5 ".repeat(30) + "kubectl delete ns prod"), env, dir);

        assertThat(d.outcome()).isEqualTo("DENY");
        assertThat(d.message()).contains("cannot read what it would run", "deeper than");
    }

    @Test
    void asTheBridgesProcessGateItAnswersInPlainTypes() {
        ProcessGuard guard = guardWithChildAgent();

        ProcessAnswer held = guard.check(List.of("kubectl", "delete", "ns", "prod"), env, dir.toString());
        ProcessAnswer java = guard.check(List.of("java", "-jar", "a.jar"), env, null);
        ProcessAnswer ls = guard.check(List.of("ls"), null, null);

        assertThat(held.proceeds()).isFalse();
        assertThat(held.outcome()).isEqualTo("HOLD");
        assertThat(held.message()).contains("kubectl:Delete", "NOT started");
        assertThat(java.command()).contains("-javaagent:/opt/airlock/airlock-agent.jar=tool=x");
        assertThat(ls).isSameAs(ProcessAnswer.proceed());
    }

    @Test
    void withoutAWorkingEngineReadsProceedAndTheRestIsDenied() {
        ProcessGuard guard = ProcessGuard.failingClosed(ActionCatalog.builtIn(), "the policy file is broken")
                .terraformPlanSeconds(0).build();

        ProcessDecision delete = guard.decide(List.of("sh", "-c", "aws s3 rb s3://b --force"), env, dir);
        ProcessDecision read = guard.decide(List.of("aws", "s3", "ls"), env, dir);

        assertThat(delete.outcome()).isEqualTo("DENY");
        assertThat(delete.message()).contains("the policy file is broken", "NOT started");
        assertThat(read.proceeds()).isTrue();
    }

    @Test
    void callsExplainsWithoutDecidingOrAuditing() {
        List<Call> calls = guard(Map.of(), Policy.builtInDefault())
                .calls(List.of("bash", "-c", "helm uninstall web && aws s3 ls"), env, dir);

        assertThat(calls).extracting(Call::operation).containsExactly("Uninstall", "ListBuckets");
        assertThat(audit).isEmpty();
    }

    /** Starts {@code sh -c script} the way the agent's hook does: decide, then start or fail. */
    private void start(ProcessGuard guard, String script) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", script).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        ProcessDecision d = guard.decide(pb.command(), pb.environment(), dir);
        if (!d.proceeds()) {
            throw new IOException(d.message());
        }
        pb.environment().putAll(d.environment());
        Process p = pb.start();
        p.getOutputStream().close();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }

    private ProcessGuard guard(Map<String, String> settings, Policy policy) {
        return ProcessGuard.builder(engine(settings, policy)).terraformPlanSeconds(0).shims(false).build();
    }

    private ProcessGuard guardWithChildAgent() {
        return ProcessGuard.builder(engine(Map.of(), Policy.builtInDefault())).terraformPlanSeconds(0).shims(false)
                .childAgent("/opt/airlock/airlock-agent.jar", "tool=x").build();
    }

    private Engine engine(Map<String, String> settings, Policy policy) {
        try {
            return Engine.builder(AirlockConfig.of(settings)).catalog(ActionCatalog.builtIn()).policy(policy)
                    .audit(recording).plans(PlanBook.discard()).build();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private record FixedPolicy(PolicyDecision decision) implements Policy {
        @Override
        public PolicyDecision evaluate(Call call, PolicyContext context) {
            return decision;
        }

        @Override
        public PolicyDecision decideStatically(String action, Classification c, PolicyContext context) {
            return null;
        }

        @Override
        public String source() {
            return "test";
        }

        @Override
        public int size() {
            return 1;
        }
    }

    private static final class BrokenCatalog implements ActionCatalog {
        @Override
        public String servicePrefix(String sdkService, String signingName) {
            throw new IllegalStateException("catalog is broken");
        }

        @Override
        public Operation operation(String servicePrefix, String operationName) {
            throw new IllegalStateException("catalog is broken");
        }

        @Override
        public ActionInfo action(String iamAction) {
            throw new IllegalStateException("catalog is broken");
        }

        @Override
        public Classification classify(Operation operation, Map<String, Object> request) {
            throw new IllegalStateException("catalog is broken");
        }

        @Override
        public List<String> resources(Operation o, Map<String, Object> r, String region, String account) {
            throw new IllegalStateException("catalog is broken");
        }

        @Override
        public int size() {
            return 0;
        }
    }
}
