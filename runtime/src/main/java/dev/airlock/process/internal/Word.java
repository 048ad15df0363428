package dev.airlock.process.internal;

/**
 * One argument as the program will receive it. {@code dynamic} words hold text the shell only knows when it
 * runs (an unknown variable, a command's output); their {@code text} is then the unexpanded source, such as
 * {@code $BUCKET}, and a recogniser must assume it could be anything.
 */
public record Word(String text, boolean dynamic) {

    public static Word literal(String text) {
        return new Word(text, false);
    }

    @Override
    public String toString() {
        return text;
    }
}
