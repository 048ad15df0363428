package dev.airlock.process.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Turns a command line into the calls it would make: unwraps it, then asks each recognised tool. */
public final class CommandReader {

    private CommandReader() {
    }

    /**
     * @param calls what the command would do, in the order it would do it
     * @param unwrapped every program it would run, and what could not be seen into
     */
    public record Reading(List<Recognised> calls, Unwrapped unwrapped) {
    }

    /** The tool a program is under another name: a symlink to it, a copy of the aws CLI. */
    private static String identify(Invocation inv, java.util.Map<String, String> seen) {
        String text = inv.program().text();
        if (Unwrapper.SHELLS.contains(Programs.name(text))) {
            return null;
        }
        String key = text + '\0' + inv.env().get("PATH") + '\0' + inv.directory();
        String found = seen.computeIfAbsent(key, k -> {
            java.nio.file.Path file = ProgramFiles.locate(text, inv.env(), inv.directory());
            String tool = file == null ? null : ProgramFiles.identify(file);
            return tool == null ? "" : tool;
        });
        return found.isEmpty() ? null : found;
    }

    private static Recognised unseen(String what, Env env, ToolContext context) {
        return new Recognised(context.unseenCall(what, env), what, null);
    }

    public static Reading read(List<String> argv, Env env, Path directory, ToolContext context) {
        Unwrapped unwrapped = Unwrapper.unwrap(argv, env, directory);
        List<Recognised> calls = new ArrayList<>();
        java.util.Map<String, String> identities = new java.util.HashMap<>();
        for (Invocation inv : unwrapped.invocations()) {
            Invocation target = inv;
            Tool tool;
            if (inv.program().dynamic()) {
                String guessed = Tools.guess(inv.program().text());
                tool = guessed == null ? null : Tools.named(guessed);
                if (tool != null) {
                    target = new Invocation(Word.literal(guessed), inv.args(), inv.env(), inv.directory(),
                            inv.stdin());
                }
            } else {
                tool = Tools.named(inv.name());
                if (tool == null) {
                    String identified = identify(inv, identities);
                    if (identified != null) {
                        tool = Tools.named(identified);
                        target = new Invocation(Word.literal(identified), inv.args(), inv.env(), inv.directory(),
                                inv.stdin());
                    }
                }
            }
            if (tool != null) {
                calls.addAll(tool.recognise(target, context));
            }
        }
        for (Unwrapped.Unseen u : unwrapped.unseen()) {
            calls.add(unseen(u.what(), u.env(), context));
        }
        return new Reading(calls, unwrapped);
    }
}
