package dev.airlock.process.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code terraform plan [-destroy] -out=TMP} then {@code terraform show -json TMP} to learn what a
 * destructive command would remove. Kept safe and bounded: only in an initialised directory, never
 * interactive ({@code -input=false}), no state lock taken ({@code -lock=false}), no refresh against the
 * cloud ({@code -refresh=false}: the plan is computed from the state), each step under a time limit and its
 * output read up to a size limit; the plan file is deleted afterwards.
 */
public final class TerraformPlanProbe implements TerraformPlans {

    private static final long MAX_JSON_BYTES = 16L * 1024 * 1024;
    /** Made on the first plan read: every guarded JVM builds a probe, few ever read a plan. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private final long planSeconds;
    private final long showSeconds;

    public TerraformPlanProbe(long planSeconds, long showSeconds) {
        this.planSeconds = planSeconds;
        this.showSeconds = showSeconds;
    }

    @Override
    public Outcome plan(String program, Path directory, boolean destroy, List<String> planArguments, Env env) {
        if (!Files.isDirectory(directory.resolve(".terraform"))) {
            return Outcome.failed(directory + " is not initialised (no .terraform directory)");
        }
        String executable = locate(program, directory, env);
        if (executable == null) {
            return Outcome.failed(program + " was not found");
        }
        Path planFile = null;
        Path log = null;
        try {
            planFile = Files.createTempFile("airlock-tfplan-", ".bin");
            log = Files.createTempFile("airlock-tfplan-", ".log");
            List<String> plan = new ArrayList<>(List.of(executable, "plan", "-input=false", "-lock=false",
                    "-refresh=false", "-no-color", "-out=" + planFile));
            if (destroy) {
                plan.add(2, "-destroy");
            }
            plan.addAll(planArguments);
            int planExit = run(plan, directory, env, log, planSeconds);
            if (planExit != 0) {
                return Outcome.failed(planExit < 0 ? "terraform plan took longer than " + planSeconds + " s"
                        : "terraform plan failed (exit " + planExit + ")");
            }
            int showExit = run(List.of(executable, "show", "-json", "-no-color", planFile.toString()), directory,
                    env, log, showSeconds);
            if (showExit != 0) {
                return Outcome.failed("terraform show failed (exit " + showExit + ")");
            }
            return changes(log);
        } catch (IOException | RuntimeException e) {
            return Outcome.failed(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed("interrupted");
        } finally {
            delete(planFile);
            delete(log);
        }
    }

    /** Runs one step with output to {@code log}; -1 when it ran out of time (it is then killed). */
    private static int run(List<String> command, Path directory, Env env, Path log, long seconds)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(log.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> childEnv = pb.environment();
        childEnv.clear();
        childEnv.putAll(env.known());
        childEnv.put("TF_IN_AUTOMATION", "1");
        childEnv.remove("TF_CLI_ARGS");
        childEnv.remove("TF_CLI_ARGS_plan");
        childEnv.remove("TF_CLI_ARGS_show");
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
            return -1;
        }
        return p.exitValue();
    }

    private static Outcome changes(Path json) throws IOException {
        if (Files.size(json) > MAX_JSON_BYTES) {
            return Outcome.failed("the plan is larger than " + MAX_JSON_BYTES / (1024 * 1024) + " MB");
        }
        JsonNode root;
        try (InputStream in = Files.newInputStream(json)) {
            root = Json.MAPPER.readTree(in);
        }
        List<String> deleted = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (JsonNode rc : root.path("resource_changes")) {
            String address = rc.path("address").asText();
            boolean deletes = false;
            boolean changes = false;
            for (JsonNode action : rc.path("change").path("actions")) {
                deletes |= action.asText().equals("delete");
                changes |= action.asText().equals("create") || action.asText().equals("update");
            }
            if (deletes) {
                deleted.add(address);
            } else if (changes) {
                changed.add(address);
            }
        }
        return new Outcome(List.copyOf(deleted), List.copyOf(changed), null);
    }

    /** The executable the command would run: its path, or the first match on the child's PATH. */
    static String locate(String program, Path directory, Env env) {
        if (program.contains("/")) {
            Path p = ScriptFiles.resolve(directory, program);
            return p != null && Files.isExecutable(p) ? p.toString() : null;
        }
        String path = env.get("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir).resolve(program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    private static void delete(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // A temporary file left behind is harmless; the plan it holds came from the user's own state.
            }
        }
    }
}
