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
    private static final Path NOT_A_SCRIPT = Path.of("");
    private final java.util.Map<String, Path> scriptsOnPath = new java.util.HashMap<>();
    /** How deep inside a program found on the PATH the reading is. */
    private int installed;
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
            unreadable("commands nest deeper than " + MAX_DEPTH + " levels of shells and launchers");
            return;
        }
        if (program.dynamic()) {
            if (Tools.guess(program.text()) == null && !Programs.namesAPlainProgram(program.text())) {
                unseen("a program known only at run time: `" + CommandText.of(Programs.prepend(program, args)) + "`",
                        env);
            }
            result.add(new Invocation(program, args, env, dir, stdin));
            return;
        }
        String name = Programs.name(program.text());
        if (!SHELLS.contains(name) && !Launchers.isLauncher(name) && !WRAPPERS.contains(name)
                && !program.text().contains("/") && !name.endsWith(".sh") && !name.endsWith(".bash")) {
            if ((name.equals("aws") || name.equals("aws2")) && awsAlias(program, args, env, dir, stdin, depth)) {
                return;
            }
            result.add(new Invocation(program, args, env, dir, stdin));
            if (Tools.named(name) == null) {
                pathScript(program, args, env, dir, stdin, depth);
            }
            return;
        }
        if (++visits > MAX_VISITS) {
            unreadable("the command runs programs through more than " + MAX_VISITS
                    + " shells and launchers");
            return;
        }
        if (SHELLS.contains(name)) {
            shell(program, args, env, dir, stdin, depth);
            return;
        }
        // A launcher's script built at run time could be anything; a shell it opens on standard input has shims.
        Consumer<String> blind = what -> {
            if (what.contains("built at run time")) {
                unseen(what, env);
            } else {
                result.blindSpot(what);
            }
        };
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
            case "runuser", "script" -> LauncherSteps.runuserOrScript(name, args, env, dir, stdin, blind);
            case "parallel" -> ParallelSteps.parallel(args, env, dir, stdin);
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
        boolean login = false;
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
                login |= a.equals("--login");
                i += a.equals("--rcfile") || a.equals("--init-file") ? 2 : 1;
                continue;
            }
            if ((a.startsWith("-") || a.startsWith("+")) && a.length() > 1) {
                for (char c : a.substring(1).toCharArray()) {
                    if (c == 'c') {
                        commandString = true;
                    } else if (c == 's') {
                        fromStdin = true;
                    } else if (c == 'l' && a.startsWith("-")) {
                        login = true;
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
                unseen(shellName + " -c runs a script built at run time: " + script.text(), env);
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
                unreadableScript(shellName + " runs a script Airlock could not read: " + file.text(),
                        file, dir, env, depth);
                return;
            }
            script(text, env, positional, dir, Input.UNKNOWN, depth + 1, file.text());
        } else if (stdin.known()) {
            script(stdin.text(), env, List.of(shellName), dir, Input.UNKNOWN, depth + 1, shellName + " standard input");
        } else if (login) {
            // A login shell sets PATH from the system's profile, and so drops the shims the child was given.
            unseen(shellName + " is a login shell that reads its commands from standard input: Airlock "
                    + "cannot see them, and the login profile resets the PATH that holds Airlock's shims", env);
        } else {
            result.blindSpot(shellName + " reads its commands from standard input, which Airlock cannot see "
                    + "before the process starts; the tools it starts by name meet Airlock's shims");
        }
    }

    private void script(String text, Env env, List<String> positional, Path dir, Input stdin, int depth,
                        String what) {
        if (depth > MAX_DEPTH) {
            unreadable("commands nest deeper than " + MAX_DEPTH + " levels of shells and launchers");
            return;
        }
        ParsedScript parsed = ShellParser.parse(text, env, positional, dir, stdin, depth);
        if (parsed.incomplete() != null) {
            unreadable(what + ": " + parsed.incomplete());
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
            unreadableScript("source of a file Airlock could not read: " + file.text(), file, dir, env, depth);
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
        return runScript(path, ScriptFiles.resolve(dir, path), args, env, dir, stdin, depth);
    }

    /** A program found on the PATH that is a shell script, with or without {@code #!}: read as its shell would. */
    private boolean pathScript(Word program, List<Word> args, Env env, Path dir, Input stdin, int depth) {
        // A long script names the same programs again and again: each is looked up once per PATH and directory.
        String key = program.text() + '\0' + env.get("PATH") + '\0' + dir;
        Path file = scriptsOnPath.computeIfAbsent(key, k -> {
            Path f = ProgramFiles.locate(program.text(), env, dir);
            return f == null || ProgramFiles.kind(f) == ProgramFiles.Kind.BINARY ? NOT_A_SCRIPT : f;
        });
        if (file == NOT_A_SCRIPT) {
            return false;
        }
        if (++visits > MAX_VISITS) {
            unreadable("the command runs programs through more than " + MAX_VISITS
                    + " shells and launchers");
            return true;
        }
        // An installed program's own script (mvn, a version manager's shim) builds its commands at run time as a
        // matter of course: the tools it names are read, and those it computes meet the shims.
        installed++;
        try {
            return runScript(program.text(), file, args, env, dir, stdin, depth);
        } finally {
            installed--;
        }
    }

    /**
     * {@code aws ALIAS ...}: an alias of the CLI's alias file stands for its words, or, starting with {@code !},
     * for a shell command that gets the remaining arguments.
     */
    private boolean awsAlias(Word program, List<Word> args, Env env, Path dir, Input stdin, int depth) {
        int at = AwsAliases.commandIndex(args);
        if (at < 0 || args.get(at).dynamic()) {
            return false;
        }
        String alias = AwsAliases.read(AwsAliases.file(env)).get(args.get(at).text());
        if (alias == null || alias.isEmpty()) {
            return false;
        }
        List<Word> after = args.subList(at + 1, args.size());
        if (alias.startsWith("!")) {
            List<String> positional = new ArrayList<>();
            positional.add("sh");
            positional.addAll(texts(after));
            script(alias.substring(1), env, positional, dir, stdin, depth + 1, "aws alias " + args.get(at).text());
            return true;
        }
        List<Word> expanded = new ArrayList<>(args.subList(0, at));
        for (String w : alias.split("\\s+")) {
            if (!w.isEmpty()) {
                expanded.add(Word.literal(w));
            }
        }
        expanded.addAll(after);
        if (depth > MAX_DEPTH) {
            unreadable("aws aliases nest deeper than " + MAX_DEPTH + " levels");
            return true;
        }
        // An alias of an alias is expanded again, as the CLI does.
        visit(program, expanded, env, dir, stdin, depth + 1);
        return true;
    }

    /**
     * Past what Airlock reads: the command fails closed. Inside an installed program's own script it is a blind
     * spot instead: the tools that script starts by name meet the shims, and a tool the host relies on must not
     * stop working because its launcher script is intricate.
     */
    private void unreadable(String why) {
        if (installed > 0) {
            result.blindSpot(why);
        } else {
            result.unreadable(why);
        }
    }

    /** A part that could start a tool and cannot be read; inside an installed program, a blind spot. */
    private void unseen(String what, Env env) {
        if (installed > 0) {
            result.blindSpot(what);
        } else {
            result.unseen(what, env);
        }
    }


    private boolean runScript(String name, Path file, List<Word> args, Env env, Path dir, Input stdin, int depth) {
        ProgramFiles.Kind kind = ProgramFiles.kind(file);
        if (kind == ProgramFiles.Kind.MISSING || kind == ProgramFiles.Kind.BINARY) {
            return false;
        }
        String text = readPath(file);
        String interpreter;
        if (kind == ProgramFiles.Kind.SHEBANG) {
            String firstLine = ScriptFiles.firstLine(file);
            interpreter = ScriptFiles.interpreter(firstLine);
            if (interpreter == null || !SHELLS.contains(interpreter)) {
                return false;
            }
        } else {
            interpreter = "sh";
        }
        if (text == null) {
            unreadableScript(interpreter + " runs a script Airlock could not read: " + name,
                    Word.literal(file.toString()), dir, env, depth);
            return true;
        }
        List<String> positional = new ArrayList<>();
        positional.add(name);
        positional.addAll(texts(args));
        script(text, env, positional, dir, stdin, depth + 1, name);
        return true;
    }

    /**
     * A script Airlock cannot parse: too large, not text, built at run time. Held when it could start a tool;
     * a file missing when the JVM starts the process simply fails to run, one missing inside a script may be
     * written by an earlier command.
     */
    private void unreadableScript(String what, Word file, Path dir, Env env, int depth) {
        Path p = file.dynamic() ? null : ScriptFiles.resolve(dir, file.text());
        if (p == null) {
            unseen(what, env);
            return;
        }
        String why = ScriptFiles.whyUnreadable(p);
        if (why == null) {
            if (depth == 0) {
                result.blindSpot(what + " (it does not exist)");
            } else {
                unseen(what + " (it does not exist yet)", env);
            }
            return;
        }
        String could = ScriptFiles.couldStartATool(p);
        if (could == null) {
            result.blindSpot(what + " (" + why + ", and it names no tool Airlock guards)");
        } else {
            unseen(what + " (" + why + "; " + could + ")", env);
        }
    }

    private String readPath(Path file) {
        if (filesRead >= MAX_FILES) {
            unseen("a command that runs more than " + MAX_FILES + " script files", Env.empty());
            return null;
        }
        filesRead++;
        return ScriptFiles.read(file);
    }

    private String readFile(String name, Path dir) {
        if (filesRead >= MAX_FILES) {
            unseen("a command that runs more than " + MAX_FILES + " script files", Env.empty());
            return null;
        }
        filesRead++;
        return ScriptFiles.read(ScriptFiles.resolve(dir, name));
    }

    private static List<String> texts(List<Word> words) {
        List<String> out = new ArrayList<>(words.size());
        for (Word w : words) {
            out.add(w.text());
        }
        return out;
    }
}
