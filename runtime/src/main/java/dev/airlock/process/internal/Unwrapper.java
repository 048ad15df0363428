package dev.airlock.process.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the programs a command line would really run: through shells ({@code sh -c}, {@code bash -lc}, script
 * files, here-documents, {@code echo ... | sh}), {@code eval} and {@code source}, and launchers ({@code env},
 * {@code xargs}, {@code timeout}, {@code nohup}, {@code sudo}, {@code npx}...), whatever path or quoting they
 * are written with. Bounded in depth and in files read; never throws on any input.
 */
public final class Unwrapper {

    static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "zsh", "ksh", "mksh", "ash", "posh", "yash",
            "rbash", "lksh", "oksh", "loksh");
    private static final int MAX_DEPTH = 12;
    private static final int MAX_FILES = 32;
    private static final int MAX_XARGS_ITEMS = 1000;
    /** Other programs that run programs, each read its own way below. */
    private static final Set<String> WRAPPERS = Set.of("busybox", "eval", "source", ".", "env", "xargs", "command",
            "watch", "flock", "su", "find", "npx", "pnpx", "bunx", "npm", "pnpm", "yarn", "poetry", "pipenv", "pdm",
            "uv", "bundle", "direnv", "aws-vault", "microk8s", "k3s", "minikube", "python", "python3");
    /** Shells and launchers followed in one command line; fan-out (xargs over shells over xargs...) stops here. */
    private static final int MAX_VISITS = 5000;

    private final Unwrapped result = new Unwrapped();
    private int filesRead;
    private int visits;

    private Unwrapper() {
    }

    /**
     * @param argv the command as the JVM would start it: program first, each argument as the program gets it
     * @param env the environment the process would start with
     * @param directory its working directory, or null when unknown
     */
    public static Unwrapped unwrap(List<String> argv, Env env, Path directory) {
        Unwrapper u = new Unwrapper();
        if (argv != null && !argv.isEmpty() && argv.get(0) != null) {
            List<Word> words = new ArrayList<>(argv.size());
            for (String a : argv) {
                words.add(Word.literal(a == null ? "" : a));
            }
            u.visit(words.get(0), words.subList(1, words.size()), env, directory, Input.UNKNOWN, 0);
        }
        return u.result;
    }

    /** Unwraps every command of a shell script, as {@code sh -c SCRIPT} would run it. */
    public static Unwrapped unwrapScript(String script, Env env, Path directory) {
        Unwrapper u = new Unwrapper();
        u.script(script, env, List.of("sh"), directory, Input.UNKNOWN, 0, "the script");
        return u.result;
    }

    private void visit(Word program, List<Word> args, Env env, Path dir, Input stdin, int depth) {
        if (depth > MAX_DEPTH) {
            result.unreadable("commands nest deeper than " + MAX_DEPTH + " levels of shells and launchers");
            return;
        }
        if (program.dynamic()) {
            result.add(new Invocation(program, args, env, dir, stdin));
            return;
        }
        String name = Programs.name(program.text());
        if (!SHELLS.contains(name) && !Launchers.isLauncher(name) && !WRAPPERS.contains(name)
                && !program.text().contains("/") && !name.endsWith(".sh") && !name.endsWith(".bash")) {
            result.add(new Invocation(program, args, env, dir, stdin));
            return;
        }
        if (++visits > MAX_VISITS) {
            result.unreadable("the command runs programs through more than " + MAX_VISITS
                    + " shells and launchers");
            return;
        }
        if (SHELLS.contains(name)) {
            shell(program, args, env, dir, stdin, depth);
            return;
        }
        switch (name) {
            case "busybox" -> {
                if (!args.isEmpty()) {
                    visit(args.get(0), rest(args, 1), env, dir, stdin, depth + 1);
                }
            }
            case "eval" -> script(joined(args), env, null, dir, stdin, depth + 1, "eval");
            case "source", "." -> sourced(args, env, dir, stdin, depth);
            case "env" -> env(args, env, dir, stdin, depth);
            case "xargs" -> xargs(args, env, dir, stdin, depth);
            case "command" -> {
                if (!Launchers.hasFlag(args, Launchers.firstOperand(args, 0, Set.of()), "-v", "-V")) {
                    launch(name, args, env, dir, stdin, depth);
                }
            }
            case "watch" -> watch(args, env, dir, stdin, depth);
            case "flock" -> withCommandOption(name, args, env, dir, stdin, depth, 1);
            case "su" -> withCommandOption(name, args, env, dir, stdin, depth, 0);
            case "find" -> find(args, env, dir, stdin, depth);
            case "npx", "pnpx", "bunx" -> packageRunner(args, 0, env, dir, stdin, depth);
            case "npm", "pnpm", "yarn" -> {
                if (!args.isEmpty() && Set.of("exec", "x", "dlx").contains(args.get(0).text())) {
                    packageRunner(args, 1, env, dir, stdin, depth);
                } else {
                    result.add(new Invocation(program, args, env, dir, stdin));
                }
            }
            case "poetry", "pipenv", "pdm", "uv", "bundle", "direnv", "aws-vault", "microk8s", "k3s", "minikube" ->
                    subcommandLauncher(program, name, args, env, dir, stdin, depth);
            case "python", "python3" -> python(program, args, env, dir, stdin, depth);
            default -> {
                if (Launchers.isLauncher(name)) {
                    launch(name, args, env, dir, stdin, depth);
                } else if (!scriptFile(program, args, env, dir, stdin, depth)) {
                    result.add(new Invocation(program, args, env, dir, stdin));
                }
            }
        }
    }

    /** A launcher whose options come first and whose first operand is the program it runs. */
    private void launch(String name, List<Word> args, Env env, Path dir, Input stdin, int depth) {
        int i = Launchers.firstOperand(args, 0, Launchers.valueOptions(name));
        if (name.equals("timeout") && i < args.size()) {
            i++;
        }
        if (name.equals("sudo")) {
            while (i < args.size() && isAssignment(args.get(i))) {
                env = assign(env, args.get(i));
                i++;
            }
        }
        if (i < args.size()) {
            visit(args.get(i), rest(args, i + 1), env, dir, stdin, depth + 1);
        }
    }

    private void shell(Word program, List<Word> args, Env env, Path dir, Input stdin, int depth) {
        boolean commandString = false;
        boolean fromStdin = false;
        int i = 0;
        while (i < args.size()) {
            Word w = args.get(i);
            String a = w.text();
            if (w.dynamic()) {
                break;
            }
            if (a.equals("--") || a.equals("-")) {
                i++;
                break;
            }
            if (a.startsWith("--")) {
                i += a.equals("--rcfile") || a.equals("--init-file") ? 2 : 1;
                continue;
            }
            if ((a.startsWith("-") || a.startsWith("+")) && a.length() > 1) {
                for (char c : a.substring(1).toCharArray()) {
                    if (c == 'c') {
                        commandString = true;
                    } else if (c == 's') {
                        fromStdin = true;
                    } else if (c == 'o' || c == 'O') {
                        i++;
                    }
                }
                i++;
                continue;
            }
            break;
        }
        String shellName = Programs.name(program.text());
        if (commandString) {
            if (i >= args.size()) {
                return;
            }
            Word script = args.get(i);
            if (script.dynamic()) {
                result.blindSpot(shellName + " -c runs a script built at run time: " + script.text());
                result.add(new Invocation(program, args, env, dir, stdin));
                return;
            }
            List<String> positional = new ArrayList<>();
            if (i + 1 < args.size()) {
                for (Word p : args.subList(i + 1, args.size())) {
                    if (p.dynamic()) {
                        positional = null;
                        break;
                    }
                    positional.add(p.text());
                }
            } else {
                positional.add(shellName);
            }
            script(script.text(), env, positional, dir, stdin, depth + 1, shellName + " -c");
        } else if (i < args.size() && !fromStdin) {
            Word file = args.get(i);
            List<String> positional = texts(args.subList(i, args.size()));
            String text = file.dynamic() ? null : readFile(file.text(), dir);
            if (text == null) {
                result.blindSpot(shellName + " runs a script Airlock could not read: " + file.text());
                return;
            }
            script(text, env, positional, dir, Input.UNKNOWN, depth + 1, file.text());
        } else if (stdin.known()) {
            script(stdin.text(), env, List.of(shellName), dir, Input.UNKNOWN, depth + 1, shellName + " standard input");
        } else {
            result.blindSpot(shellName + " reads its commands from standard input, which Airlock cannot see "
                    + "before the process starts");
        }
    }

    private void script(String text, Env env, List<String> positional, Path dir, Input stdin, int depth,
                        String what) {
        if (depth > MAX_DEPTH) {
            result.unreadable("commands nest deeper than " + MAX_DEPTH + " levels of shells and launchers");
            return;
        }
        ParsedScript parsed = ShellParser.parse(text, env, positional, dir, stdin, depth);
        if (parsed.incomplete() != null) {
            result.unreadable(what + ": " + parsed.incomplete());
        }
        for (ShellCommand c : parsed.commands()) {
            List<Word> w = c.words();
            visit(w.get(0), w.subList(1, w.size()), c.env(), c.directory(), c.input(), depth + 1);
        }
    }

    private void sourced(List<Word> args, Env env, Path dir, Input stdin, int depth) {
        if (args.isEmpty()) {
            return;
        }
        Word file = args.get(0);
        String text = file.dynamic() ? null : readFile(file.text(), dir);
        if (text == null) {
            result.blindSpot("source of a file Airlock could not read: " + file.text());
            return;
        }
        script(text, env, texts(args), dir, stdin, depth + 1, file.text());
    }

    /** {@code ./deploy.sh}, {@code scripts/x.bash}: a shell script run by its {@code #!} line. */
    private boolean scriptFile(Word program, List<Word> args, Env env, Path dir, Input stdin, int depth) {
        String path = program.text();
        if (!path.contains("/") && !path.endsWith(".sh") && !path.endsWith(".bash")) {
            return false;
        }
        String text = readFile(path, dir);
        String interpreter = ScriptFiles.interpreter(text);
        if (interpreter == null || !SHELLS.contains(interpreter)) {
            return false;
        }
        List<String> positional = new ArrayList<>();
        positional.add(path);
        positional.addAll(texts(args));
        script(text, env, positional, dir, stdin, depth + 1, path);
        return true;
    }

    private void env(List<Word> args, Env env, Path dir, Input stdin, int depth) {
        int i = 0;
        while (i < args.size()) {
            Word w = args.get(i);
            String a = w.text();
            if (w.dynamic()) {
                break;
            }
            if (a.equals("-i") || a.equals("--ignore-environment") || a.equals("-")) {
                env = Env.empty();
                i++;
            } else if (a.equals("-u") || a.equals("--unset")) {
                if (i + 1 < args.size()) {
                    env = env.without(args.get(i + 1).text());
                }
                i += 2;
            } else if (a.startsWith("--unset=")) {
                env = env.without(a.substring("--unset=".length()));
                i++;
            } else if (a.equals("-C") || a.equals("--chdir")) {
                dir = i + 1 < args.size() ? ScriptFiles.resolve(dir, args.get(i + 1).text()) : dir;
                i += 2;
            } else if (a.equals("-S") || a.equals("--split-string") || a.startsWith("--split-string=")
                    || (a.startsWith("-S") && a.length() > 2)) {
                String split = a.startsWith("--split-string=") ? a.substring(15)
                        : a.length() > 2 && !a.startsWith("--") ? a.substring(2)
                        : i + 1 < args.size() ? args.get(++i).text() : "";
                List<Word> words = new ArrayList<>(splitLikeEnv(split, env));
                words.addAll(rest(args, i + 1));
                env(words, env, dir, stdin, depth + 1);
                return;
            } else if (a.equals("--")) {
                i++;
                break;
            } else if (a.startsWith("-")) {
                i += Launchers.valueOptions("env").contains(a) ? 2 : 1;
            } else {
                break;
            }
        }
        while (i < args.size() && isAssignment(args.get(i))) {
            env = assign(env, args.get(i));
            i++;
        }
        if (i < args.size()) {
            visit(args.get(i), rest(args, i + 1), env, dir, stdin, depth + 1);
        }
    }

    private List<Word> splitLikeEnv(String text, Env env) {
        ParsedScript parsed = ShellParser.parse(text, env, List.of(), null, Input.UNKNOWN, MAX_DEPTH);
        return parsed.commands().isEmpty() ? List.of() : parsed.commands().get(0).words();
    }

    private void xargs(List<Word> args, Env env, Path dir, Input stdin, int depth) {
        int i = Launchers.firstOperand(args, 0, Launchers.valueOptions("xargs"));
        Word replace = Launchers.optionValue(args, i, "-I", "--replace");
        if (replace == null && Launchers.hasFlag(args, i, "-i")) {
            replace = Word.literal("{}");
        }
        boolean nul = Launchers.hasFlag(args, i, "-0", "--null");
        Word delimiter = Launchers.optionValue(args, i, "-d", "--delimiter");
        List<Word> command = i < args.size() ? new ArrayList<>(args.subList(i, args.size()))
                : new ArrayList<>(List.of(Word.literal("echo")));
        List<Word> items = xargsItems(stdin, nul, delimiter, replace != null);
        if (replace != null) {
            String token = replace.text();
            boolean known = items != null && items.size() <= 20;
            for (Word item : known ? items : List.of(new Word(token, true))) {
                List<Word> substituted = new ArrayList<>(command.size());
                for (Word w : command) {
                    substituted.add(w.text().contains(token)
                            ? new Word(w.text().replace(token, item.text()), w.dynamic() || item.dynamic()) : w);
                }
                visit(substituted.get(0), rest(substituted, 1), env, dir, Input.UNKNOWN, depth + 1);
            }
            return;
        }
        if (items == null) {
            command.add(new Word("<standard input>", true));
            visit(command.get(0), rest(command, 1), env, dir, Input.UNKNOWN, depth + 1);
            return;
        }
        int perRun = perRun(Launchers.optionValue(args, i, "-n", "--max-args"), items.size());
        int runs = 0;
        for (int from = 0; from < Math.max(1, items.size()) && runs < 100; from += perRun, runs++) {
            List<Word> run = new ArrayList<>(command);
            run.addAll(items.subList(Math.min(from, items.size()), Math.min(from + perRun, items.size())));
            visit(run.get(0), rest(run, 1), env, dir, Input.UNKNOWN, depth + 1);
        }
        if (runs == 100 && items.size() > 100 * perRun) {
            List<Word> run = new ArrayList<>(command);
            run.addAll(items.subList(100 * perRun, items.size()));
            visit(run.get(0), rest(run, 1), env, dir, Input.UNKNOWN, depth + 1);
        }
    }

    /** How many items each run of xargs gets: {@code -n N}, else all of them. */
    private static int perRun(Word n, int items) {
        if (n != null && !n.dynamic() && n.text().matches("\\d{1,6}") && Integer.parseInt(n.text()) > 0) {
            return Integer.parseInt(n.text());
        }
        return Math.max(1, items);
    }

    /** The arguments xargs would read, or null when its input cannot be told. */
    private static List<Word> xargsItems(Input stdin, boolean nul, Word delimiter, boolean byLine) {
        if (!stdin.known() || (delimiter != null && delimiter.dynamic())) {
            return null;
        }
        String sep = nul ? "\u0000" : delimiter != null ? Printf.unescape(delimiter.text()) : null;
        String[] parts = sep != null ? stdin.text().split(java.util.regex.Pattern.quote(sep))
                : stdin.text().trim().isEmpty() ? new String[0]
                : byLine ? stdin.text().trim().split("\n") : stdin.text().trim().split("\\s+");
        List<Word> items = new ArrayList<>();
        for (String p : parts) {
            String item = sep == null && !byLine ? unquoteXargs(p) : p;
            if (!item.isEmpty() && items.size() < MAX_XARGS_ITEMS) {
                items.add(Word.literal(byLine ? item.strip() : item));
            }
        }
        return items;
    }

    private static String unquoteXargs(String s) {
        return s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.endsWith(s.substring(0, 1))
                ? s.substring(1, s.length() - 1) : s;
    }

    /** {@code watch 'kubectl delete pod x'}: watch hands its words to {@code sh -c} unless told {@code -x}. */
    private void watch(List<Word> args, Env env, Path dir, Input stdin, int depth) {
        int i = Launchers.firstOperand(args, 0, Launchers.valueOptions("watch"));
        if (i >= args.size()) {
            return;
        }
        if (Launchers.hasFlag(args, i, "-x", "--exec")) {
            visit(args.get(i), rest(args, i + 1), env, dir, stdin, depth + 1);
        } else {
            script(joined(args.subList(i, args.size())), env, List.of("sh"), dir, stdin, depth + 1, "watch");
        }
    }

    /**
     * {@code flock FILE -c 'cmd'} / {@code flock FILE cmd args}, {@code su -c 'cmd' user}: a shell string in
     * {@code -c}, else a program after {@code operandsBefore} operands.
     */
    private void withCommandOption(String name, List<Word> args, Env env, Path dir, Input stdin, int depth,
                                   int operandsBefore) {
        Word command = Launchers.optionValue(args, args.size(), "-c", "--command");
        if (command != null) {
            if (command.dynamic()) {
                result.blindSpot(name + " -c runs a script built at run time: " + command.text());
                return;
            }
            script(command.text(), env, List.of("sh"), dir, stdin, depth + 1, name + " -c");
            return;
        }
        if (operandsBefore == 0) {
            return;
        }
        int i = Launchers.firstOperand(args, 0, Launchers.valueOptions(name)) + operandsBefore;
        if (i < args.size()) {
            visit(args.get(i), rest(args, i + 1), env, dir, stdin, depth + 1);
        }
    }

    /** {@code find ... -exec cmd {} \;}: each {@code -exec}/{@code -execdir}/{@code -ok} runs a program. */
    private void find(List<Word> args, Env env, Path dir, Input stdin, int depth) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i).text();
            if (!(a.equals("-exec") || a.equals("-execdir") || a.equals("-ok") || a.equals("-okdir"))) {
                continue;
            }
            int end = i + 1;
            while (end < args.size() && !args.get(end).text().equals(";") && !args.get(end).text().equals("+")) {
                end++;
            }
            if (end > i + 1) {
                List<Word> cmd = new ArrayList<>();
                for (Word w : args.subList(i + 1, end)) {
                    cmd.add(w.text().contains("{}") ? new Word(w.text(), true) : w);
                }
                visit(cmd.get(0), rest(cmd, 1), env, dir, Input.UNKNOWN, depth + 1);
            }
            i = end;
        }
    }

    /** {@code npx [opts] cdk destroy}, {@code npm exec -- cdk}, {@code npx -c 'cmd'}: the package's program runs. */
    private void packageRunner(List<Word> args, int from, Env env, Path dir, Input stdin, int depth) {
        Set<String> valueOptions = Launchers.valueOptions("npx");
        int i = Launchers.firstOperand(args, from, valueOptions);
        Word call = Launchers.optionValue(args.subList(from, args.size()), i - from, "-c", "--call");
        if (call != null) {
            script(call.text(), env, List.of("sh"), dir, stdin, depth + 1, "npx -c");
            return;
        }
        if (i >= args.size()) {
            return;
        }
        Word pkg = args.get(i);
        String bin = pkg.text();
        int at = bin.lastIndexOf('@');
        if (at > 0) {
            bin = bin.substring(0, at);
        }
        if (bin.equals("aws-cdk") || bin.equals("aws-cdk-lib")) {
            bin = "cdk";
        }
        visit(new Word(bin, pkg.dynamic()), rest(args, i + 1), env, dir, stdin, depth + 1);
    }

    /**
     * Launchers with a subcommand: {@code poetry run}, {@code uv run}, {@code bundle exec}, {@code direnv exec DIR},
     * {@code aws-vault exec PROFILE --}, {@code microk8s kubectl}, {@code minikube kubectl --}.
     */
    private void subcommandLauncher(Word program, String name, List<Word> args, Env env, Path dir, Input stdin,
                                    int depth) {
        String sub = args.isEmpty() ? "" : args.get(0).text();
        int operandsBefore = 0;
        boolean launches = switch (name) {
            case "poetry", "pipenv", "pdm", "uv" -> sub.equals("run");
            case "bundle" -> sub.equals("exec");
            case "direnv" -> {
                operandsBefore = 1;
                yield sub.equals("exec");
            }
            case "aws-vault" -> {
                operandsBefore = 1;
                yield sub.equals("exec");
            }
            default -> sub.equals("kubectl") || sub.equals("helm") || sub.equals("helm3");
        };
        if (!launches) {
            result.add(new Invocation(program, args, env, dir, stdin));
            return;
        }
        if (name.equals("microk8s") || name.equals("k3s") || name.equals("minikube")) {
            List<Word> tail = rest(args, 1);
            if (!tail.isEmpty() && tail.get(0).text().equals("--")) {
                tail = rest(tail, 1);
            }
            visit(Word.literal(sub), tail, env, dir, stdin, depth + 1);
            return;
        }
        int i = Launchers.firstOperand(args, 1, Launchers.valueOptions(name)) + operandsBefore;
        if (name.equals("aws-vault")) {
            int dashes = indexOf(args, "--");
            if (dashes >= 0) {
                i = dashes + 1;
            } else {
                while (i < args.size() && args.get(i).text().startsWith("-")) {
                    i++;
                }
            }
        }
        if (i < args.size()) {
            visit(args.get(i), rest(args, i + 1), env, dir, stdin, depth + 1);
        } else if (name.equals("aws-vault")) {
            result.blindSpot("aws-vault exec without a command opens a shell that reads standard input");
        }
    }

    /** {@code python -m awscli ...} is the aws CLI. */
    private void python(Word program, List<Word> args, Env env, Path dir, Input stdin, int depth) {
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).text().equals("-m")) {
                if (args.get(i + 1).text().equals("awscli")) {
                    visit(Word.literal("aws"), rest(args, i + 2), env, dir, stdin, depth + 1);
                    return;
                }
                break;
            }
        }
        result.add(new Invocation(program, args, env, dir, stdin));
    }

    private String readFile(String name, Path dir) {
        if (filesRead >= MAX_FILES) {
            result.blindSpot("more than " + MAX_FILES + " script files");
            return null;
        }
        filesRead++;
        return ScriptFiles.read(ScriptFiles.resolve(dir, name));
    }

    private static boolean isAssignment(Word w) {
        return w.text().matches("[A-Za-z_][A-Za-z0-9_]*=.*");
    }

    private static Env assign(Env env, Word w) {
        int eq = w.text().indexOf('=');
        return env.with(w.text().substring(0, eq), w.dynamic() ? null : w.text().substring(eq + 1));
    }

    private static List<Word> rest(List<Word> words, int from) {
        return from >= words.size() ? List.of() : words.subList(from, words.size());
    }

    private static int indexOf(List<Word> words, String text) {
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).text().equals(text)) {
                return i;
            }
        }
        return -1;
    }

    private static String joined(List<Word> words) {
        return String.join(" ", texts(words));
    }

    private static List<String> texts(List<Word> words) {
        List<String> out = new ArrayList<>(words.size());
        for (Word w : words) {
            out.add(w.text());
        }
        return out;
    }
}
