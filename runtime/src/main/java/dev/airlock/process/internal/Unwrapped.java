package dev.airlock.process.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The programs a command line would really run, and what Airlock could not see into. */
public final class Unwrapped {

    private final List<Invocation> invocations = new ArrayList<>();
    private final List<String> blindSpots = new ArrayList<>();
    private final List<String> unreadable = new ArrayList<>();
    private final List<Unseen> unseen = new ArrayList<>();

    /**
     * A part Airlock cannot read that could start a destructive tool: a script too large or not text, a script
     * or program built at run time.
     *
     * @param what the part, as a human would name it
     * @param env the environment it would run with
     */
    public record Unseen(String what, Env env) {
    }

    void add(Invocation invocation) {
        invocations.add(invocation);
    }

    void blindSpot(String what) {
        if (!blindSpots.contains(what) && blindSpots.size() < 20) {
            blindSpots.add(what);
        }
    }

    void unreadable(String why) {
        if (!unreadable.contains(why) && unreadable.size() < 20) {
            unreadable.add(why);
        }
    }

    void unseen(String what, Env env) {
        if (unseen.size() < 20 && unseen.stream().noneMatch(u -> u.what().equals(what))) {
            unseen.add(new Unseen(what, env));
        }
    }

    /** Parts that could start a destructive tool and cannot be read; each is decided as a destructive call. */
    public List<Unseen> unseen() {
        return Collections.unmodifiableList(unseen);
    }

    public List<Invocation> invocations() {
        return Collections.unmodifiableList(invocations);
    }

    /**
     * Parts of the command whose programs cannot be told before it runs: a shell reading commands from a pipe
     * the JVM writes, a script built at run time, nesting too deep to follow.
     */
    public List<String> blindSpots() {
        return Collections.unmodifiableList(blindSpots);
    }

    /**
     * Why part of the command could not be read at all: nesting deeper or commands more numerous than any
     * honest command needs. A guard fails such a command closed.
     */
    public List<String> unreadable() {
        return Collections.unmodifiableList(unreadable);
    }
}
