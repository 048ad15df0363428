package dev.airlock.process.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** GNU {@code parallel}: the commands it would run, one per argument or per line of its input. */
final class ParallelSteps {

    private ParallelSteps() {
    }

    /**
     * GNU {@code parallel CMD ::: A B}: the command once per argument (a string for {@code sh -c}, {@code {}}
     * replaced or the argument appended); without {@code :::}, its input's lines are the arguments, or, with no
     * command, the commands themselves.
     */
    static List<LauncherSteps.Step> parallel(List<Word> args, Env env, Path dir, Input stdin) {
        List<LauncherSteps.Step> steps = new ArrayList<>();
        int i = Launchers.firstOperand(args, 0, Launchers.valueOptions("parallel"));
        int sep = -1;
        for (int k = i; k < args.size(); k++) {
            String t = args.get(k).text();
            if (t.equals(":::") || t.equals("::::") || t.equals(":::+")) {
                sep = k;
                break;
            }
        }
        List<Word> command = args.subList(Math.min(i, args.size()), sep < 0 ? args.size() : sep);
        List<Word> items = new ArrayList<>();
        boolean itemsKnown;
        if (sep >= 0) {
            itemsKnown = !args.get(sep).text().equals("::::");
            for (Word w : LauncherSteps.rest(args, sep + 1)) {
                if (!w.text().startsWith(":::")) {
                    items.add(w);
                    itemsKnown &= !w.dynamic();
                }
            }
        } else if (stdin.known()) {
            itemsKnown = true;
            for (String line : stdin.text().split("\n")) {
                if (!line.isBlank()) {
                    items.add(Word.literal(line));
                }
            }
        } else {
            itemsKnown = false;
        }
        if (!itemsKnown || items.size() > 100) {
            items = List.of(new Word("<parallel input>", true));
        }
        for (Word item : items) {
            if (command.isEmpty()) {
                if (item.dynamic()) {
                    steps.add(LauncherSteps.Step.run(new Word(item.text(), true), List.of(), env, dir, Input.UNKNOWN));
                } else {
                    steps.add(LauncherSteps.Step.script(item.text(), env, List.of("sh"), dir, Input.UNKNOWN,
                            "parallel"));
                }
                continue;
            }
            String text = LauncherSteps.joined(command);
            String line = text.contains("{}") ? text.replace("{}", item.text()) : text + " " + item.text();
            if (item.dynamic()) {
                List<Word> run = new ArrayList<>(command);
                run.add(item);
                steps.add(LauncherSteps.Step.run(run.get(0), LauncherSteps.rest(run, 1), env, dir, Input.UNKNOWN));
            } else {
                steps.add(LauncherSteps.Step.script(line, env, List.of("sh"), dir, Input.UNKNOWN, "parallel"));
            }
        }
        return steps;
    }
}
