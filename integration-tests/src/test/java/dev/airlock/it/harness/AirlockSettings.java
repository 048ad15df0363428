package dev.airlock.it.harness;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Airlock settings of one scenario: by default its audit file and plan directory in the scenario's work
 * directory, and the tool's name. Rendered as agent arguments ({@code key=value,...}) or as a map for
 * library mode.
 */
public final class AirlockSettings {

    public static final String TOOL_NAME = "environment-reset-tool";

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Path workDir;

    private AirlockSettings(Path workDir) {
        this.workDir = workDir;
        values.put("audit.file", auditFile().toString());
        values.put("plan.dir", workDir.resolve("plans").toString());
        values.put("tool", TOOL_NAME);
    }

    public static AirlockSettings inWorkDir(Path workDir) {
        return new AirlockSettings(workDir);
    }

    public AirlockSettings with(String key, String value) {
        values.put(key, value);
        return this;
    }

    public Path auditFile() {
        return workDir.resolve("audit.jsonl");
    }

    public Path planDir() {
        return Path.of(values.get("plan.dir"));
    }

    public Map<String, String> asMap() {
        return Map.copyOf(values);
    }

    /** The text after {@code =} in {@code -javaagent:airlock-agent.jar=...}. */
    public String agentArguments() {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> {
            if (v.contains(",")) {
                throw new IllegalArgumentException("agent arguments cannot carry a comma: " + k + "=" + v);
            }
            sb.append(sb.length() == 0 ? "" : ",").append(k).append('=').append(v);
        });
        return sb.toString();
    }
}
