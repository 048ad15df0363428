package dev.airlock.process.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One simple command of a shell script, its words expanded as far as they can be before the script runs, with
 * the environment and directory it would start in and what it would read on standard input.
 */
public final class ShellCommand {

    private final List<Word> words;
    private final Env env;
    private final Path directory;
    private final ShellCommand pipedFrom;
    private final boolean piped;
    private final Input inherited;
    private Input redirectedInput;

    ShellCommand(List<Word> words, Env env, Path directory, ShellCommand pipedFrom, boolean piped, Input inherited) {
        this.words = List.copyOf(words);
        this.env = env;
        this.directory = directory;
        this.pipedFrom = pipedFrom;
        this.piped = piped;
        this.inherited = inherited;
    }

    public List<Word> words() {
        return words;
    }

    public Env env() {
        return env;
    }

    /** The working directory, or null when the script changed it to somewhere unknown. */
    public Path directory() {
        return directory;
    }

    /** A here-document or here-string; set once the parser has read its body. */
    void redirectInput(Input input) {
        this.redirectedInput = input;
    }

    public Input input() {
        if (redirectedInput != null) {
            return redirectedInput;
        }
        if (piped) {
            return pipedFrom == null ? Input.UNKNOWN : pipedFrom.output();
        }
        return inherited;
    }

    /** How many commands this one's pipeline has up to it: 1 when it is not piped. */
    int pipelineLength() {
        int n = 1;
        for (ShellCommand c = this; c.piped && c.pipedFrom != null && n < 1000; c = c.pipedFrom) {
            n++;
        }
        return n;
    }

    /** What the command writes, for the few commands whose output is plain from their words. */
    public Input output() {
        if (words.isEmpty() || words.get(0).dynamic()) {
            return Input.UNKNOWN;
        }
        List<Word> args = words.subList(1, words.size());
        for (Word w : args) {
            if (w.dynamic()) {
                return Input.UNKNOWN;
            }
        }
        return switch (Programs.name(words.get(0).text())) {
            case "echo" -> Input.of(echo(args));
            case "printf" -> Input.of(Printf.format(texts(args)));
            case "cat" -> args.isEmpty() ? input() : Input.UNKNOWN;
            case "base64", "basenc" -> Decoded.base64(args, input());
            case "xxd" -> Decoded.hex(args, input());
            default -> Input.UNKNOWN;
        };
    }

    private static String echo(List<Word> args) {
        boolean newline = true;
        boolean escapes = false;
        int i = 0;
        while (i < args.size() && args.get(i).text().matches("-[neE]+")) {
            String flags = args.get(i).text();
            newline &= !flags.contains("n");
            escapes = flags.contains("e") || (escapes && !flags.contains("E"));
            i++;
        }
        String text = String.join(" ", texts(args.subList(i, args.size())));
        if (escapes) {
            text = Printf.unescape(text);
        }
        return newline ? text + "\n" : text;
    }

    private static List<String> texts(List<Word> words) {
        List<String> out = new ArrayList<>(words.size());
        for (Word w : words) {
            out.add(w.text());
        }
        return out;
    }

    @Override
    public String toString() {
        return CommandText.of(words);
    }
}
