package dev.airlock.process;

import dev.airlock.bridge.ProcessAnswer;
import dev.airlock.bridge.ProcessStartGuard;
import dev.airlock.bridge.Refusal;
import dev.airlock.call.Call;
import dev.airlock.call.Classification;
import dev.airlock.call.Requester;
import dev.airlock.catalog.ActionCatalog;
import dev.airlock.engine.Engine;
import dev.airlock.gate.Verdict;
import dev.airlock.process.internal.ChildJvms;
import dev.airlock.process.internal.CommandReader;
import dev.airlock.process.internal.CommandText;
import dev.airlock.process.internal.Env;
import dev.airlock.process.internal.Recognised;
import dev.airlock.process.internal.SessionEnvironment;
import dev.airlock.process.internal.TerraformPlanProbe;
import dev.airlock.process.internal.ToolContext;
import dev.airlock.process.internal.Tools;
import dev.airlock.process.internal.shim.ShimAnswer;
import dev.airlock.process.internal.shim.ShimRequest;
import dev.airlock.process.internal.shim.Shims;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Decides whether a process may start. The command is read the way the shell would run it (through
 * {@code sh -c}, {@code env}, {@code xargs}, {@code timeout}, quoting, chaining...); each {@code aws},
 * {@code terraform}, {@code kubectl}, {@code cdk}, {@code pulumi}, {@code eksctl}, {@code sam} or {@code helm}
 * command in it becomes a {@link Call} and goes through the same policy, gates and audit as an SDK call. Any
 * part stopped stops the whole process: it never starts. Other programs are not Airlock's concern and pass.
 *
 * <p>A {@code java} child gets the agent too, so what it does with the SDK is guarded in turn. Every child gets
 * Airlock's shims first on its PATH: a recognised tool that a descendant starts by name ({@code make}, an npm
 * script, {@code system()} in an interpreter, a shell reading its standard input) asks this guard over a loopback
 * socket before the real tool runs. What cannot be read and could start a tool is held as
 * {@code process:RunUnseen}.
 *
 * <p>As a {@link ProcessStartGuard} it is what the Java agent's process hook asks.
 */
public final class ProcessGuard implements ProcessStartGuard {

    /** Processes Airlock starts while deciding (Terraform plans) are its own and not decided again. */
    private static final ThreadLocal<Boolean> DECIDING = new ThreadLocal<>();
    private static final Pattern GUARDED_WORD = Pattern.compile(
            "(?<![A-Za-z0-9_-])(aws|terraform|tofu|terragrunt|kubectl|oc|cdk|cdktf|pulumi|eksctl|sam|helm|serverless"
                    + "|sls|aws-nuke|s5cmd|copilot|sst|sh|bash|zsh"
                    + "|dash|ksh|env|xargs|eval|java)(?![A-Za-z0-9_-])");

    private final Function<Call, Verdict> decider;
    private final ToolContext tools;
    private final ToolContext toolsWithoutPlans;
    private final String agentOption;
    private final String agentJar;
    /** Shims for descendants, or null when disabled or not possible on this system. */
    private final Shims shims;
    /** The read-only floor every child starts with in broker mode; a destructive command's session replaces it. */
    private final java.util.function.Supplier<Map<String, String>> floor;

    private ProcessGuard(Builder b) {
        this.decider = b.decider;
        this.floor = b.floor;
        Requester requester = Requester.ofThisProcess(b.tool);
        this.toolsWithoutPlans = new ToolContext(b.catalog, requester, b.account, null);
        this.tools = b.planSeconds > 0
                ? new ToolContext(b.catalog, requester, b.account,
                        new TerraformPlanProbe(b.planSeconds, Math.max(10, b.planSeconds / 2)))
                : toolsWithoutPlans;
        this.agentJar = b.agentJar;
        this.agentOption = b.agentJar == null ? null
                : "-javaagent:" + b.agentJar + (b.agentArguments == null || b.agentArguments.isEmpty() ? ""
                        : "=" + b.agentArguments);
        this.shims = b.shims && Shims.supported() ? new Shims(Tools.shimmed(), this::answerShim, b.shimParent) : null;
    }

    /** The directory of shims first on every child's PATH, once the first child started; else null. */
    public Path shimDirectory() {
        return shims == null ? null : shims.directory();
    }

    /** Stops answering this guard's shims; the shims then fail closed. For embedded use and tests. */
    public void closeShims() {
        if (shims != null) {
            shims.close();
        }
    }

    /** A guard that asks Terraform for plans, and does not pass the agent to child JVMs. */
    public static ProcessGuard of(Engine engine) {
        return builder(engine).build();
    }

    public static Builder builder(Engine engine) {
        Objects.requireNonNull(engine, "engine");
        Builder b = new Builder(engine::decide, engine.catalog(), engine.config().tool(), engine.config().account());
        b.floor = engine.parts().credentials()::childEnvironment;
        return b;
    }

    /**
     * For a JVM whose engine could not start: commands that only read proceed, every other recognised command
     * is denied with {@code problem} as the reason. Nothing is audited.
     */
    public static Builder failingClosed(ActionCatalog catalog, String problem) {
        return failingClosed(catalog, problem, dev.airlock.audit.AuditLog.discard());
    }

    /** As {@link #failingClosed(ActionCatalog, String)}, with each refusal recorded in {@code audit}. */
    public static Builder failingClosed(ActionCatalog catalog, String problem, dev.airlock.audit.AuditLog audit) {
        Function<Call, Verdict> decider = call -> {
            if (call.classification() == Classification.READ) {
                return Verdict.proceed();
            }
            try {
                audit.record(new dev.airlock.audit.AuditRecord(System.currentTimeMillis(), call.service(),
                        call.operation(), call.action(), call.classification(), "-", "-", "DENY", problem, null, 0,
                        call));
            } catch (RuntimeException | LinkageError e) {
                // The refusal stands whether or not it could be written down.
            }
            return Verdict.deny("airlock", problem, "ask the human you work for to fix the Airlock configuration; "
                    + "do not retry until then.");
        };
        return new Builder(decider, catalog, null, null);
    }

    /** A guard whose verdicts come from {@code decider}: what each answer of the gates does to a process. */
    static Builder deciding(Function<Call, Verdict> decider, ActionCatalog catalog) {
        return new Builder(decider, catalog, null, null);
    }

    /** The {@link ProcessStartGuard} face of {@link #decide}, for the agent's process hook. */
    @Override
    public ProcessAnswer check(List<String> command, Map<String, String> environment, String directory) {
        ProcessDecision d = decide(command, environment == null ? Map.of() : environment,
                directory == null ? null : Path.of(directory));
        return d.proceeds() ? ProcessAnswer.proceedWith(d.environment(), d.command())
                : ProcessAnswer.stop(d.outcome(), d.message());
    }

    /**
     * Decides one process start. Never throws: an internal error stops a command that could change state and
     * lets any other through.
     *
     * @param command the program and its arguments, as {@link ProcessBuilder#command()} holds them
     * @param environment the child's environment
     * @param directory the child's working directory; null for this JVM's
     */
    public ProcessDecision decide(List<String> command, Map<String, String> environment, Path directory) {
        if (command == null || command.isEmpty() || Boolean.TRUE.equals(DECIDING.get())) {
            return ProcessDecision.proceed();
        }
        DECIDING.set(Boolean.TRUE);
        try {
            return decideNow(command, environment, directory == null ? Path.of("").toAbsolutePath() : directory);
        } catch (Throwable t) {
            return failedToRead(command, t);
        } finally {
            DECIDING.remove();
        }
    }

    /** The calls a command would make, without deciding, auditing or running anything ({@code airlock explain}). */
    public List<Call> calls(List<String> command, Map<String, String> environment, Path directory) {
        List<Call> out = new ArrayList<>();
        Path dir = directory == null ? Path.of("").toAbsolutePath() : directory;
        for (Recognised r : CommandReader.read(command, Env.of(environment), dir, toolsWithoutPlans).calls()) {
            out.add(r.call());
        }
        return out;
    }

    private ProcessDecision decideNow(List<String> command, Map<String, String> environment, Path directory) {
        Env env = Env.of(environment);
        CommandReader.Reading reading = CommandReader.read(command, env, directory, tools);
        Judged judged = judge(command, reading, false);
        if (judged.stop() != null) {
            return judged.stop();
        }
        Map<String, String> childEnv = new HashMap<>(floor.get());
        childEnv.putAll(judged.environment());
        if (shims != null) {
            childEnv.putAll(shims.environmentFor(environment));
            rememberPasses(command, judged.passed());
        }
        List<String> newCommand = null;
        if (agentOption != null) {
            ChildJvms.Plan jvm = ChildJvms.plan(command, env, directory, reading.unwrapped(), agentOption, agentJar);
            if (!jvm.unguarded().isEmpty()) {
                return ProcessDecision.stop("DENY", Refusal.processDenied("`" + CommandText.ofStrings(command) + "`",
                        "it would start a JVM without Airlock's agent (" + String.join("; ", jvm.unguarded())
                                + "), and child JVMs stay guarded",
                        "start it without clearing " + ChildJvms.TOOL_OPTIONS + "."), List.of());
            }
            newCommand = jvm.argv();
            if (jvm.toolOptions() != null) {
                childEnv.put(ChildJvms.TOOL_OPTIONS, jvm.toolOptions());
            }
        }
        return ProcessDecision.proceedWith(childEnv, newCommand);
    }

    /**
     * What a shim in a descendant asks: may this recognised tool run, as the shim was started. Decided like a
     * process this JVM starts, except that a call the process hook already let through for a child is not asked
     * again (its approval was used once). Never throws.
     */
    ShimAnswer answerShim(ShimRequest request) {
        List<String> command = new ArrayList<>(request.args().size() + 1);
        command.add(request.tool());
        command.addAll(request.args());
        DECIDING.set(Boolean.TRUE);
        try {
            Path dir = request.directory() == null ? Path.of("").toAbsolutePath() : request.directory();
            CommandReader.Reading reading = CommandReader.read(command, Env.of(request.environment()), dir, tools);
            Judged judged = judge(command, reading, true);
            return judged.stop() != null ? ShimAnswer.stop(judged.stop().message())
                    : ShimAnswer.proceed(judged.environment());
        } catch (Throwable t) {
            ProcessDecision d = failedToRead(command, t);
            return d.proceeds() ? ShimAnswer.proceed(Map.of()) : ShimAnswer.stop(d.message());
        } finally {
            DECIDING.remove();
        }
    }

    /**
     * @param stop the decision to stop, or null when every call proceeds
     * @param environment the session credentials the calls proceed with
     * @param passed the calls that proceeded, with their verdicts
     */
    private record Judged(ProcessDecision stop, Map<String, String> environment, Map<Call, Verdict> passed) {
    }

    private Judged judge(List<String> command, CommandReader.Reading reading, boolean fromShim) {
        List<String> unreadable = reading.unwrapped().unreadable();
        if (!unreadable.isEmpty()) {
            return new Judged(ProcessDecision.stop("DENY", Refusal.processDenied("`" + CommandText.ofStrings(command)
                    + "`", "Airlock cannot read what it would run (" + String.join("; ", unreadable) + "), and "
                    + "commands that may change state fail closed", "run the commands it wraps directly."), List.of()), Map.of(), Map.of());
        }
        List<String> stops = new ArrayList<>();
        List<String> approvals = new ArrayList<>();
        String outcome = null;
        Set<Map<String, String>> sessions = new LinkedHashSet<>();
        Map<Call, Verdict> passed = new LinkedHashMap<>();
        for (Recognised r : reading.calls()) {
            Verdict v = fromShim && shims != null ? shims.passed().take(r.call().fingerprint()) : null;
            if (v == null) {
                v = decider.apply(r.call());
            }
            if (v.proceeds()) {
                passed.put(r.call(), v);
                if (v.credentials() != null) {
                    sessions.add(v.credentials());
                }
                continue;
            }
            stops.add(message(r, v, command));
            if (v.approvalId() != null) {
                approvals.add(v.approvalId());
            }
            outcome = worse(outcome, v.outcome().name());
        }
        if (!stops.isEmpty()) {
            return new Judged(ProcessDecision.stop(outcome, joined(stops), approvals), Map.of(), Map.of());
        }
        if (sessions.size() > 1) {
            return new Judged(ProcessDecision.stop("DENY", Refusal.processDenied("`" + CommandText.ofStrings(command)
                    + "`", "its commands need " + sessions.size() + " different per-action sessions, and one "
                    + "process can carry only one", "run its commands one at a time."), List.of()), Map.of(), Map.of());
        }
        Map<String, String> env = sessions.size() == 1 ? SessionEnvironment.of(sessions.iterator().next()) : Map.of();
        return new Judged(null, env, passed);
    }

    /**
     * A child that is a shell, a build tool or an interpreter runs its recognised tools through the shims; the
     * calls just let through are passed once there. A recognised tool started directly is not behind a shim, and
     * leaves no pass that a later, different process could use.
     */
    private void rememberPasses(List<String> command, Map<Call, Verdict> passed) {
        if (passed.isEmpty() || Tools.isRecognised(command.get(0))) {
            return;
        }
        passed.forEach((call, verdict) -> shims.passed().remember(call.fingerprint(), verdict));
    }

    private static String message(Recognised r, Verdict v, List<String> command) {
        StringBuilder m = new StringBuilder(v.messageFor(r.call()));
        m.append(" The process was NOT started: `").append(r.command()).append('`');
        String original = CommandText.ofStrings(command);
        if (!original.equals(r.command())) {
            m.append(" (in `").append(original).append("`)");
        }
        m.append('.');
        if (r.plan() != null) {
            m.append(" What would go: ").append(r.plan()).append('.');
        }
        return m.toString();
    }

    private static String joined(List<String> stops) {
        if (stops.size() == 1) {
            return stops.get(0);
        }
        StringBuilder m = new StringBuilder("Airlock stopped " + stops.size() + " parts of this command.");
        for (int i = 0; i < stops.size(); i++) {
            m.append(' ').append(i + 1).append(") ").append(stops.get(i));
        }
        return m.toString();
    }

    /** DENY over HOLD over DRY_RUN: the message leads with what a retry cannot change. */
    private static String worse(String a, String b) {
        List<String> order = List.of("DRY_RUN", "HOLD", "DENY");
        return a == null || order.indexOf(b) > order.indexOf(a) ? b : a;
    }

    private static ProcessDecision failedToRead(List<String> command, Throwable t) {
        String text = String.join(" ", command.stream().map(String::valueOf).toList());
        if (!GUARDED_WORD.matcher(text).find()) {
            return ProcessDecision.proceed();
        }
        return ProcessDecision.stop("DENY", Refusal.processDenied("`" + CommandText.ofStrings(command) + "`",
                "Airlock could not read this command (" + t + "), and commands that may change state fail closed",
                Refusal.REPORT_ERROR),
                List.of());
    }

    public static final class Builder {
        private final Function<Call, Verdict> decider;
        private final ActionCatalog catalog;
        private final String tool;
        private final String account;
        private long planSeconds = 60;
        private String agentJar;
        private String agentArguments;
        private boolean shims = true;
        private Path shimParent;
        private java.util.function.Supplier<Map<String, String>> floor = Map::of;

        private Builder(Function<Call, Verdict> decider, ActionCatalog catalog, String tool, String account) {
            this.decider = decider;
            this.catalog = Objects.requireNonNull(catalog, "catalog");
            this.tool = tool == null ? "unknown-tool" : tool;
            this.account = account;
        }

        /**
         * How long {@code terraform plan} may take when Airlock asks it what a destroy would remove; 0 never asks,
         * and the plan is then the command itself.
         */
        public Builder terraformPlanSeconds(long seconds) {
            this.planSeconds = Math.max(0, seconds);
            return this;
        }

        /** Passes this agent to child JVMs ({@code -javaagent:JAR=ARGUMENTS}); arguments may be null. */
        public Builder childAgent(String agentJar, String agentArguments) {
            this.agentJar = agentJar;
            this.agentArguments = agentArguments;
            return this;
        }

        /**
         * Whether children get Airlock's shims first on their PATH (on by default where the system has
         * {@code /bin/bash}), so that recognised tools their own descendants start are decided too.
         */
        public Builder shims(boolean on) {
            this.shims = on;
            return this;
        }

        /** Where the private shim directory is made; the system's temporary directory by default. */
        public Builder shimParent(Path parent) {
            this.shimParent = parent;
            return this;
        }

        public ProcessGuard build() {
            return new ProcessGuard(this);
        }
    }
}
