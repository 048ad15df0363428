package dev.airlock.process.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The aws CLI's own aliases, from {@code ~/.aws/cli/alias} ({@code [toplevel]} section): {@code aws nuke} may be
 * {@code s3 rb --force} or a {@code !} shell command. Read the way the CLI reads them, so an alias is what it
 * stands for.
 */
final class AwsAliases {

    private AwsAliases() {
    }

    /** The alias file the CLI would read for this environment, or null when there is no home. */
    static Path file(Env env) {
        String home = env.get("HOME");
        return home == null || home.isEmpty() ? null : Path.of(home, ".aws", "cli", "alias");
    }

    /** Aliases by name; empty when the file is missing or unreadable. */
    static Map<String, String> read(Path file) {
        String text = file == null ? null : ScriptFiles.read(file);
        if (text == null) {
            return Map.of();
        }
        Map<String, String> out = new HashMap<>();
        String section = null;
        String name = null;
        StringBuilder value = null;
        for (String line : text.split("\n", -1)) {
            String stripped = line.strip();
            if (!line.isEmpty() && Character.isWhitespace(line.charAt(0)) && name != null && !stripped.isEmpty()) {
                value.append('\n').append(stripped);
                continue;
            }
            if (name != null) {
                out.put(name, value.toString().strip());
                name = null;
            }
            if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith(";")) {
                continue;
            }
            if (stripped.startsWith("[") && stripped.endsWith("]")) {
                section = stripped.substring(1, stripped.length() - 1).strip();
                continue;
            }
            int eq = stripped.indexOf('=');
            if ("toplevel".equals(section) && eq > 0) {
                name = stripped.substring(0, eq).strip();
                value = new StringBuilder(stripped.substring(eq + 1).strip());
            }
        }
        if (name != null) {
            out.put(name, value.toString().strip());
        }
        return out;
    }

    /** The index of the command word: the first argument that is not a global option or its value. */
    static int commandIndex(List<Word> args) {
        AwsCli.Parsed p = AwsCli.parse(args);
        return p.service() == null ? -1 : args.indexOf(p.service());
    }
}
