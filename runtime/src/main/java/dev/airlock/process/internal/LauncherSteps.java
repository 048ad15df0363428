package dev.airlock.process.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * How each launcher runs the program it names: {@code env} (assignments, {@code -i}, {@code -u}, {@code -S}),
 * {@code xargs} (its input as arguments), {@code watch} and {@code flock -c} (a string for {@code sh -c}),
 * {@code find -exec}, package runners ({@code npx}), subcommand launchers ({@code poetry run},
 * {@code aws-vault exec}), and the plain ones ({@code timeout}, {@code nohup}, {@code sudo}...). Each returns the
 * next steps for {@link Unwrapper} to follow.
 */
final class LauncherSteps {

    private static final int MAX_XARGS_ITEMS = 1000;

    /** What a launcher runs next: a program, a script for {@code sh -c}, or a program to take as it is. */
    record Step(Word program, List<Word> args, Env env, Path dir, Input stdin, String script, String what,
                boolean leaf) {

        static Step run(Word program, List<Word> args, Env env, Path dir, Input stdin) {
            return new Step(program, args, env, dir, stdin, null, null, false);
        }

        static Step leaf(Word program, List<Word> args, Env env, Path dir, Input stdin) {
            return new Step(program, args, env, dir, stdin, null, null, true);
        }

        static Step script(String text, Env env, List<String> positional, Path dir, Input stdin, String what) {
            return new Step(null, positional == null ? null : words(positional), env, dir, stdin, text, what, false);
        }

        private static List<Word> words(List<String> texts) {
            List<Word> out = new ArrayList<>();
            for (String t : texts) {
                out.add(Word.literal(t));
            }
            return out;
        }
    }

    private LauncherSteps() {
    }

    /** A launcher whose options come first and whose first operand is the program it runs. */
    static List<Step> launch(String name, List<Word> args, Env env, Path dir, Input stdin) {
        List<Step> steps = new ArrayList<>();
        int i = Launchers.firstOperand(args, 0, Launchers.valueOptions(name));
        if (name.equals("taskset") && Launchers.hasFlag(args, i, "-p", "--pid", "-ap", "-pc", "-acp", "-cp")) {
            return steps;
        }
        if ((name.equals("timeout") || name.equals("taskset") || name.equals("chroot")) && i < args.size()) {
            i++;
        }
        if ((name.equals("strace") || name.equals("ltrace")) && Launchers.optionValue(args, i, "-p", null) != null) {
            return steps;
        }
        if (name.equals("sudo")) {
            while (i < args.size() && isAssignment(args.get(i))) {
                env = assign(env, args.get(i));
                i++;
            }
        }
        if (i < args.size()) {
            steps.add(Step.run(args.get(i), rest(args, i + 1), env, dir, stdin));
        }
        return steps;
    }

    /** {@code env [-i] [-u NAME] [-C DIR] [-S STRING] [NAME=VALUE]... PROGRAM}. */
    static List<Step> env(List<Word> args, Env env, Path dir, Input stdin) {
        List<Step> steps = new ArrayList<>();
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
                return env(words, env, dir, stdin);
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
            steps.add(Step.run(args.get(i), rest(args, i + 1), env, dir, stdin));
        }
        return steps;
    }

    private static List<Word> splitLikeEnv(String text, Env env) {
        ParsedScript parsed = ShellParser.parse(text, env, List.of(), null, Input.UNKNOWN, ShellState.MAX_DEPTH);
        return parsed.commands().isEmpty() ? List.of() : parsed.commands().get(0).words();
    }

    /** {@code xargs [opts] PROGRAM ARGS}: the program gets its input's items, {@code -I} puts each in place. */
    static List<Step> xargs(List<Word> args, Env env, Path dir, Input stdin) {
        List<Step> steps = new ArrayList<>();
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
                steps.add(Step.run(substituted.get(0), rest(substituted, 1), env, dir, Input.UNKNOWN));
            }
            return steps;
        }
        if (items == null) {
            command.add(new Word("<standard input>", true));
            steps.add(Step.run(command.get(0), rest(command, 1), env, dir, Input.UNKNOWN));
            return steps;
        }
        int perRun = perRun(Launchers.optionValue(args, i, "-n", "--max-args"), items.size());
        int runs = 0;
        for (int from = 0; from < Math.max(1, items.size()) && runs < 100; from += perRun, runs++) {
            List<Word> run = new ArrayList<>(command);
            run.addAll(items.subList(Math.min(from, items.size()), Math.min(from + perRun, items.size())));
            steps.add(Step.run(run.get(0), rest(run, 1), env, dir, Input.UNKNOWN));
        }
        if (runs == 100 && items.size() > 100 * perRun) {
            List<Word> run = new ArrayList<>(command);
            run.addAll(items.subList(100 * perRun, items.size()));
            steps.add(Step.run(run.get(0), rest(run, 1), env, dir, Input.UNKNOWN));
        }
        return steps;
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
    static List<Step> watch(List<Word> args, Env env, Path dir, Input stdin) {
        List<Step> steps = new ArrayList<>();
        int i = Launchers.firstOperand(args, 0, Launchers.valueOptions("watch"));
        if (i >= args.size()) {
            return steps;
        }
        if (Launchers.hasFlag(args, i, "-x", "--exec")) {
            steps.add(Step.run(args.get(i), rest(args, i + 1), env, dir, stdin));
        } else {
            steps.add(Step.script(joined(args.subList(i, args.size())), env, List.of("sh"), dir, stdin, "watch"));
        }
        return steps;
    }

    /**
     * {@code flock FILE -c 'cmd'} / {@code flock FILE cmd args}, {@code su -c 'cmd' user}: a shell string in
     * {@code -c}, else a program after {@code operandsBefore} operands.
     */
    static List<Step> withCommandOption(String name, List<Word> args, Env env, Path dir, Input stdin,
                                        int operandsBefore, Consumer<String> blind) {
        List<Step> steps = new ArrayList<>();
        Word command = Launchers.optionValue(args, args.size(), "-c", "--command");
        if (command != null) {
            if (command.dynamic()) {
                blind.accept(name + " -c runs a script built at run time: " + command.text());
                return steps;
            }
            steps.add(Step.script(command.text(), env, List.of("sh"), dir, stdin, name + " -c"));
            return steps;
        }
        if (operandsBefore == 0) {
            return steps;
        }
        int i = Launchers.firstOperand(args, 0, Launchers.valueOptions(name)) + operandsBefore;
        if (i < args.size()) {
            steps.add(Step.run(args.get(i), rest(args, i + 1), env, dir, stdin));
        }
        return steps;
    }

    /**
     * {@code runuser -u USER -- cmd}, {@code runuser USER -c 'cmd'}; {@code script -c 'cmd' [file]}. Without a
     * command, both open a shell that reads standard input.
     */
    static List<Step> runuserOrScript(String name, List<Word> args, Env env, Path dir, Input stdin,
                                      Consumer<String> blind) {
        for (int i = 0; i + 1 < args.size(); i++) {
            // script -qc 'cmd': flags clustered before the c that takes the command
            String a = args.get(i).text();
            if (a.matches("-[A-Za-z]+c") && a.length() > 2) {
                List<Word> unclustered = new ArrayList<>(args);
                unclustered.set(i, Word.literal("-c"));
                return withCommandOption(name, unclustered, env, dir, stdin, 0, blind);
            }
        }
        if (Launchers.optionValue(args, args.size(), "-c", "--command") != null) {
            return withCommandOption(name, args, env, dir, stdin, 0, blind);
        }
        if (name.equals("runuser") && Launchers.optionValue(args, args.size(), "-u", "--user") != null) {
            return launch(name, args, env, dir, stdin);
        }
        blind.accept(name + " without a command opens a shell that reads standard input");
        return List.of();
    }

    /** {@code find ... -exec cmd {} \;}: each {@code -exec}/{@code -execdir}/{@code -ok} runs a program. */
    static List<Step> find(List<Word> args, Env env, Path dir, Input stdin) {
        List<Step> steps = new ArrayList<>();
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
                steps.add(Step.run(cmd.get(0), rest(cmd, 1), env, dir, Input.UNKNOWN));
            }
            i = end;
        }
        return steps;
    }

    /** {@code npx [opts] cdk destroy}, {@code npm exec -- cdk}, {@code npx -c 'cmd'}: the package's program runs. */
    static List<Step> packageRunner(List<Word> args, int from, Env env, Path dir, Input stdin) {
        List<Step> steps = new ArrayList<>();
        Set<String> valueOptions = Launchers.valueOptions("npx");
        int i = Launchers.firstOperand(args, from, valueOptions);
        Word call = Launchers.optionValue(args.subList(from, args.size()), i - from, "-c", "--call");
        if (call != null) {
            steps.add(Step.script(call.text(), env, List.of("sh"), dir, stdin, "npx -c"));
            return steps;
        }
        if (i >= args.size()) {
            return steps;
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
        steps.add(Step.run(new Word(bin, pkg.dynamic()), rest(args, i + 1), env, dir, stdin));
        return steps;
    }

    /**
     * Launchers with a subcommand: {@code poetry run}, {@code uv run}, {@code bundle exec}, {@code direnv exec DIR},
     * {@code aws-vault exec PROFILE --}, {@code microk8s kubectl}, {@code minikube kubectl --}.
     */
    static List<Step> subcommandLauncher(Word program, String name, List<Word> args, Env env, Path dir,
                                         Input stdin, Consumer<String> blind) {
        List<Step> steps = new ArrayList<>();
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
            steps.add(Step.leaf(program, args, env, dir, stdin));
            return steps;
        }
        if (name.equals("microk8s") || name.equals("k3s") || name.equals("minikube")) {
            List<Word> tail = rest(args, 1);
            if (!tail.isEmpty() && tail.get(0).text().equals("--")) {
                tail = rest(tail, 1);
            }
            steps.add(Step.run(Word.literal(sub), tail, env, dir, stdin));
            return steps;
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
            steps.add(Step.run(args.get(i), rest(args, i + 1), env, dir, stdin));
        } else if (name.equals("aws-vault")) {
            blind.accept("aws-vault exec without a command opens a shell that reads standard input");
        }
        return steps;
    }

    /** {@code python -m awscli ...} is the aws CLI. */
    static List<Step> python(Word program, List<Word> args, Env env, Path dir, Input stdin) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).text().equals("-m")) {
                if (args.get(i + 1).text().equals("awscli")) {
                    steps.add(Step.run(Word.literal("aws"), rest(args, i + 2), env, dir, stdin));
                    return steps;
                }
                break;
            }
        }
        steps.add(Step.leaf(program, args, env, dir, stdin));
        return steps;
    }

    static boolean isAssignment(Word w) {
        return w.text().matches("[A-Za-z_][A-Za-z0-9_]*=.*");
    }

    static Env assign(Env env, Word w) {
        int eq = w.text().indexOf('=');
        return env.with(w.text().substring(0, eq), w.dynamic() ? null : w.text().substring(eq + 1));
    }

    static List<Word> rest(List<Word> words, int from) {
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

    static String joined(List<Word> words) {
        List<String> out = new ArrayList<>(words.size());
        for (Word w : words) {
            out.add(w.text());
        }
        return String.join(" ", out);
    }
}
