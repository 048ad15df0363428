package dev.airlock.process.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A program that would really run once every shell, wrapper and launcher around it is unwrapped: its name,
 * its arguments, the environment and directory it would start in, and what it would read on standard input.
 *
 * @param program the program word; dynamic when the script computes it
 * @param directory null when it cannot be told
 */
public record Invocation(Word program, List<Word> args, Env env, Path directory, Input stdin) {

    public Invocation {
        args = List.copyOf(args);
    }

    /** The program as a user names it: {@code aws} for {@code /usr/local/bin/aws}. */
    public String name() {
        return program.dynamic() ? program.text() : Programs.name(program.text());
    }

    /** The command line, quoted for a human to read. */
    public String text() {
        List<Word> all = new ArrayList<>(args.size() + 1);
        all.add(program.dynamic() ? program : Word.literal(name()));
        all.addAll(args);
        return CommandText.of(all);
    }

    public boolean anyDynamicArg() {
        for (Word w : args) {
            if (w.dynamic()) {
                return true;
            }
        }
        return false;
    }
}
