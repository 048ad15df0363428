package dev.airlock.process.internal;

/** What a program reads on standard input, when it can be told before it runs (a here-document, an echo piped in). */
public final class Input {

    /** Text nobody can know in advance: the JVM's own pipe, or the output of a program Airlock cannot predict. */
    public static final Input UNKNOWN = new Input(null);

    private final String text;

    private Input(String text) {
        this.text = text;
    }

    public static Input of(String text) {
        return text == null ? UNKNOWN : new Input(text);
    }

    public boolean known() {
        return text != null;
    }

    /** The text, or null when unknown. */
    public String text() {
        return text;
    }
}
