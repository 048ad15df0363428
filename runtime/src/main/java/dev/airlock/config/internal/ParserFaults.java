package dev.airlock.config.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A YAML or JSON parser's complaint in words a person reads: the parser's own objects that some messages print
 * ({@code <org.yaml.snakeyaml.events.SequenceStartEvent(anchor=null, ...)>}), and codec jargon, become what the
 * reader wrote. Used for the config file and the policy alike.
 */
public final class ParserFaults {

    /** A parser object's text, by class name, with or without its fields and angle brackets. */
    private static final Pattern OBJECT = Pattern.compile(
            "<?\\b(?:org\\.yaml|com\\.fasterxml)[\\w.$]*\\.(\\w+)(?:\\([^)]*\\))?>?");

    private ParserFaults() {
    }

    /** {@code message} with every parser object named for what it stands for. */
    public static String plain(String message) {
        if (message == null || message.isBlank()) {
            return "the text cannot be read as YAML";
        }
        if (message.contains("base64")) {
            return "a !!binary value that is not valid base64 (quote the value if it is meant as text)";
        }
        String m = message.replace("Expected a field name (Scalar value in YAML), got this instead:",
                "expected a key, found");
        Matcher object = OBJECT.matcher(m);
        StringBuilder out = new StringBuilder();
        while (object.find()) {
            object.appendReplacement(out, Matcher.quoteReplacement(describe(object.group(1))));
        }
        object.appendTail(out);
        String plain = out.toString().replaceAll("\\s+", " ").trim();
        if (plain.startsWith("expected a key, found a list") || plain.startsWith("expected a key, found a map")) {
            plain += " (a key must be a single word, such as audit.file or Statement; `? ...` keys are not "
                    + "supported)";
        }
        return plain;
    }

    private static String describe(String type) {
        String t = type.replaceFirst("(Event|Token|Node)$", "");
        return switch (t) {
            case "SequenceStart", "FlowSequenceStart", "BlockSequenceStart", "Sequence" -> "a list";
            case "MappingStart", "FlowMappingStart", "BlockMappingStart", "Mapping" -> "a map";
            case "Scalar" -> "a single value";
            case "Alias" -> "an alias (*name)";
            case "DocumentStart" -> "a new document (---)";
            case "DocumentEnd", "StreamEnd" -> "the end of the file";
            default -> "something YAML does not allow here";
        };
    }
}
