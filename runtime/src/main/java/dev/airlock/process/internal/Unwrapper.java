package dev.airlock.process.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

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
        Consumer<String> blind = result::blindSpot;
        List<LauncherSteps.Step> steps = switch (name) {
            case "busybox" -> args.isEmpty() ? List.of()
                    : List.of(LauncherSteps.Step.run(args.get(0), LauncherSteps.rest(args, 1), env, dir, stdin));
            case "eval" -> List.of(LauncherSteps.Step.script(LauncherSteps.joined(args), env, null, dir, stdin,
                    "eval"));
            case "source", "." -> {
                sourced(args, env, dir, stdin, depth);
                yield List.of();
            }
            case "env" -> LauncherSteps.env(args, env, dir, stdin);
            case "xargs" -> LauncherSteps.xargs(args, env, dir, stdin);
            case "command" -> Launchers.hasFlag(args, Launchers.firstOperand(args, 0, Set.of()), "-v", "-V")
                    ? List.of() : LauncherSteps.launch(name, args, env, dir, stdin);
            case "watch" -> LauncherSteps.watch(args, env, dir, stdin);
            case "flock" -> LauncherSteps.withCommandOption(name, args, env, dir, stdin, 1, blind);
            case "su" -> LauncherSteps.withCommandOption(name, args, env, dir, stdin, 0, blind);
            case "find" -> LauncherSteps.find(args, env, dir, stdin);
            case "npx", "pnpx", "bunx" -> LauncherSteps.packageRunner(args, 0, env, dir, stdin);
            case "npm", "pnpm", "yarn" -> !args.isEmpty() && Set.of("exec", "x", "dlx").contains(args.get(0).text())
                    ? LauncherSteps.packageRunner(args, 1, env, dir, stdin)
                    : List.of(LauncherSteps.Step.leaf(program, args, env, dir, stdin));
            case "poetry", "pipenv", "pdm", "uv", "bundle", "direnv", "aws-vault", "microk8s", "k3s", "minikube" ->
                    LauncherSteps.subcommandLauncher(program, name, args, env, dir, stdin, blind);
            case "python", "python3" -> LauncherSteps.python(program, args, env, dir, stdin);
            default -> {
                if (Launchers.isLauncher(name)) {
                    yield LauncherSteps.launch(name, args, env, dir, stdin);
                }
                if (!scriptFile(program, args, env, dir, stdin, depth)) {
                    result.add(new Invocation(program, args, env, dir, stdin));
                }
                yield List.of();
            }
        };
        for (LauncherSteps.Step step : steps) {
            if (step.leaf()) {
                result.add(new Invocation(step.program(), step.args(), step.env(), step.dir(), step.stdin()));
            } else if (step.script() != null) {
                List<String> positional = step.args() == null ? null : texts(step.args());
                script(step.script(), step.env(), positional, step.dir(), step.stdin(), depth + 1, step.what());
            } else {
                visit(step.program(), step.args(), step.env(), step.dir(), step.stdin(), depth + 1);
            }
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

    private String readFile(String name, Path dir) {
        if (filesRead >= MAX_FILES) {
            result.blindSpot("more than " + MAX_FILES + " script files");
            return null;
        }
        filesRead++;
        return ScriptFiles.read(ScriptFiles.resolve(dir, name));
    }



    private static List<Word> rest(List<Word> words, int from) {
        return from >= words.size() ? List.of() : words.subList(from, words.size());
    }



    private static List<String> texts(List<Word> words) {
        List<String> out = new ArrayList<>(words.size());
        for (Word w : words) {
            out.add(w.text());
        }
        return out;
    }
}
