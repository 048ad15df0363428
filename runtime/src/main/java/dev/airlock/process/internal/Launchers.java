package dev.airlock.process.internal;

import java.util.List;
import java.util.Set;

/**
 * Programs that run another program named in their arguments ({@code env}, {@code timeout}, {@code nohup},
 * {@code sudo}...): the option syntax each one has, so the program it runs can be found.
 */
final class Launchers {

    /** Options that take a value, per launcher; any other option is a flag. */
    private static final java.util.Map<String, Set<String>> VALUE_OPTIONS = java.util.Map.ofEntries(
            java.util.Map.entry("nohup", Set.of()),
            java.util.Map.entry("setsid", Set.of()),
            java.util.Map.entry("chronic", Set.of()),
            java.util.Map.entry("unbuffer", Set.of()),
            java.util.Map.entry("builtin", Set.of()),
            java.util.Map.entry("nice", Set.of("-n", "--adjustment")),
            java.util.Map.entry("ionice", Set.of("-c", "--class", "-n", "--classdata", "-t")),
            java.util.Map.entry("stdbuf", Set.of("-i", "-o", "-e", "--input", "--output", "--error")),
            java.util.Map.entry("timeout", Set.of("-s", "--signal", "-k", "--kill-after")),
            java.util.Map.entry("exec", Set.of("-a")),
            java.util.Map.entry("time", Set.of("-f", "--format", "-o", "--output")),
            java.util.Map.entry("caffeinate", Set.of("-t", "-w")),
            java.util.Map.entry("doas", Set.of("-u", "-C")),
            java.util.Map.entry("sudo", Set.of("-u", "--user", "-g", "--group", "-h", "--host", "-p", "--prompt",
                    "-C", "--close-from", "-D", "--chdir", "-r", "--role", "-t", "--type", "-T",
                    "--command-timeout", "-U", "--other-user")),
            java.util.Map.entry("env", Set.of("-u", "--unset", "-C", "--chdir", "-S", "--split-string", "-P")),
            java.util.Map.entry("xargs", Set.of("-a", "--arg-file", "-d", "--delimiter", "-E", "--eof", "-I",
                    "--replace", "-L", "--max-lines", "-n", "--max-args", "-P", "--max-procs", "-s", "--max-chars",
                    "--process-slot-var")),
            java.util.Map.entry("watch", Set.of("-n", "--interval", "-q", "--equexit")),
            java.util.Map.entry("flock", Set.of("-w", "--timeout", "-E", "--conflict-exit-code", "-c", "--command")),
            java.util.Map.entry("su", Set.of("-c", "--command", "-s", "--shell", "-g", "--group", "-G",
                    "--supp-group", "-w", "--whitelist-environment")),
            java.util.Map.entry("npx", Set.of("-p", "--package", "-c", "--call", "--cache", "--userconfig")),
            java.util.Map.entry("taskset", Set.of()),
            java.util.Map.entry("chroot", Set.of("--userspec", "--groups")),
            java.util.Map.entry("strace", Set.of("-e", "-o", "-s", "-u", "-E", "-P", "-p", "-S", "-O", "-a", "-b",
                    "-X", "-I", "--output", "--string-limit", "--user", "--env", "--trace-path", "--attach",
                    "--summary-sort-by", "--columns", "--detach-on", "--const-print-style")),
            java.util.Map.entry("ltrace", Set.of("-e", "-o", "-s", "-u", "-a", "-A", "-D", "-n", "-l", "-F", "-x",
                    "-w", "-p", "--output", "--library", "--indent", "--align")),
            java.util.Map.entry("runuser", Set.of("-u", "--user", "-g", "--group", "-G", "--supp-group", "-s",
                    "--shell", "-c", "--command", "-w", "--whitelist-environment", "--session-command")),
            java.util.Map.entry("script", Set.of("-c", "--command", "-E", "--echo", "-I", "--log-in", "-O",
                    "--log-out", "-B", "--log-io", "-T", "--log-timing", "-m", "--logging-format", "-o",
                    "--output-limit")),
            java.util.Map.entry("parallel", Set.of("-j", "--jobs", "-S", "--sshlogin", "-a", "--arg-file", "-d",
                    "--delimiter", "-E", "-I", "--joblog", "--results", "--tmpdir", "--timeout", "--delay", "-N",
                    "-n", "--max-args", "-L", "--colsep", "-C", "--tag-string", "--workdir", "--wd")),
            java.util.Map.entry("uv", Set.of("--with", "--python", "-p", "--project", "--directory", "--env-file",
                    "--package", "--extra", "--group", "--with-requirements", "--index", "--default-index")));

    private Launchers() {
    }

    static boolean isLauncher(String name) {
        return VALUE_OPTIONS.containsKey(name);
    }

    static Set<String> valueOptions(String name) {
        return VALUE_OPTIONS.getOrDefault(name, Set.of());
    }

    /**
     * The index of the first operand: options are skipped, with the value of those that take one, attached
     * ({@code -n10}, {@code --signal=KILL}) or not; {@code --} ends them.
     */
    static int firstOperand(List<Word> args, int from, Set<String> valueOptions) {
        int i = from;
        while (i < args.size()) {
            Word w = args.get(i);
            String a = w.text();
            if (w.dynamic() || !a.startsWith("-") || a.equals("-")) {
                return i;
            }
            if (a.equals("--")) {
                return i + 1;
            }
            i += valueOptions.contains(a) ? 2 : 1;
        }
        return Math.min(i, args.size());
    }

    /** The value of an option ({@code -c X}, {@code -cX}, {@code --command=X}) before {@code end}, or null. */
    static Word optionValue(List<Word> args, int end, String shortName, String longName) {
        for (int i = 0; i < end; i++) {
            String a = args.get(i).text();
            if (a.equals(shortName) || a.equals(longName)) {
                return i + 1 < args.size() ? args.get(i + 1) : null;
            }
            if (longName != null && a.startsWith(longName + "=")) {
                return new Word(a.substring(longName.length() + 1), args.get(i).dynamic());
            }
            if (shortName != null && shortName.length() == 2 && a.startsWith(shortName) && a.length() > 2
                    && !a.startsWith("--")) {
                return new Word(a.substring(2), args.get(i).dynamic());
            }
        }
        return null;
    }

    static boolean hasFlag(List<Word> args, int end, String... names) {
        for (int i = 0; i < end; i++) {
            for (String n : names) {
                if (args.get(i).text().equals(n)) {
                    return true;
                }
            }
        }
        return false;
    }
}
