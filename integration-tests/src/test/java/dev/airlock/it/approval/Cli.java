package dev.airlock.it.approval;

import dev.airlock.it.harness.BuildPaths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The {@code airlock} command line against a running service, as an approver runs it. */
final class Cli {

    record Result(int exit, String out, String stdout) {
    }

    private Cli() {
    }

    static Result run(ApprovalService service, String token, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ApprovalService.java(), "-XX:TieredStopAtLevel=1", "-jar",
                BuildPaths.cliJar().toString()));
        cmd.addAll(List.of(args));
        Map<String, String> env = new HashMap<>();
        env.put("AIRLOCK_APPROVAL_URL", service.url());
        if (token != null) {
            env.put("AIRLOCK_APPROVER_TOKEN", token);
        }
        try (Child c = Child.start(cmd, env)) {
            Process p = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (c.alive() && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            TimeUnit.MILLISECONDS.sleep(100);
            return new Result(c.alive() ? -1 : exitOf(c), c.transcript(), String.join("\n", c.lines()));
        }
    }

    private static int exitOf(Child c) {
        return c.exitCode();
    }

    /** Issues a token for {@code name} through {@code airlock approvers add}. */
    static String addApprover(ApprovalService service, String name) throws Exception {
        Result r = run(service, null, "approvers", "add", name, "--key-dir", service.keyDir().toString());
        if (r.exit() != 0) {
            throw new AssertionError("approvers add failed: " + r.out());
        }
        for (String line : r.out().split("\n")) {
            if (line.trim().startsWith("alt_")) {
                return line.trim();
            }
        }
        throw new AssertionError("no token in: " + r.out());
    }
}
