package dev.airlock.policy.internal;

import dev.airlock.call.Classification;
import dev.airlock.policy.PolicyException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads a statement's {@code Condition} block: operator, then key, then one value or a list of them. */
final class ConditionParser {

    private static final String IF_EXISTS = "IfExists";

    private static final List<String> OPERATORS = operatorWords();
    private static final List<String> KEYS = List.of("airlock:Classification", "airlock:Tool", "airlock:Environment",
            "airlock:Origin", "aws:RequestedRegion", "aws:ResourceAccount", "aws:RequestTag/KEY",
            "aws:ResourceTag/KEY");

    private final NodeReading reading;

    ConditionParser(NodeReading reading) {
        this.reading = reading;
    }

    List<Condition> parse(Node node) throws PolicyException {
        Node.Mapping block = reading.mapping(node, "Condition");
        List<Condition> conditions = new ArrayList<>();
        for (Node.Entry byOperator : block.entries()) {
            OperatorForm form = operator(byOperator);
            Node.Mapping keys = reading.mapping(byOperator.value(), "Condition " + byOperator.key());
            if (keys.entries().isEmpty()) {
                throw reading.fault(byOperator.line(), "Condition " + byOperator.key() + " names no key; give a key "
                        + "and its values, for example StringEquals: { \"airlock:Environment\": \"prod\" }");
            }
            for (Node.Entry byKey : keys.entries()) {
                conditions.add(condition(form, byKey));
            }
        }
        return conditions;
    }

    private record OperatorForm(Condition.Operator operator, boolean ifExists) {
    }

    private OperatorForm operator(Node.Entry entry) throws PolicyException {
        String written = entry.key();
        boolean ifExists = written.length() > IF_EXISTS.length()
                && written.regionMatches(true, written.length() - IF_EXISTS.length(), IF_EXISTS, 0, IF_EXISTS.length());
        String base = ifExists ? written.substring(0, written.length() - IF_EXISTS.length()) : written;
        for (Condition.Operator op : Condition.Operator.values()) {
            if (op.word.equalsIgnoreCase(base)) {
                return new OperatorForm(op, ifExists);
            }
        }
        throw reading.fault(entry.line(), Suggestions.unknown("condition operator", written, OPERATORS));
    }

    private Condition condition(OperatorForm form, Node.Entry entry) throws PolicyException {
        String written = entry.key();
        ConditionKey key = ConditionKey.named(written);
        if (key == null) {
            throw reading.fault(entry.line(), Suggestions.unknown("condition key", written, KEYS));
        }
        String tagKey = null;
        if (key.isTag()) {
            tagKey = written.substring(key.keyName().length());
            if (tagKey.isEmpty()) {
                throw reading.fault(entry.line(), "condition key \"" + written + "\" needs the tag's key after the "
                        + "slash, for example " + key.keyName() + "Environment");
            }
        }
        List<NodeReading.Located> values = reading.texts(entry.value(), "the values of " + written);
        List<String> texts = new ArrayList<>(values.size());
        for (NodeReading.Located v : values) {
            if (key == ConditionKey.CLASSIFICATION && !form.operator().wildcards && !isClassification(v.text())) {
                throw reading.fault(v.line(), "\"" + v.text() + "\" is not a classification; use READ, WRITE or "
                        + "DESTRUCTIVE");
            }
            texts.add(v.text());
        }
        return new Condition(form.operator(), form.ifExists(), key, tagKey, texts);
    }

    private static boolean isClassification(String text) {
        for (Classification c : Classification.values()) {
            if (c.name().equals(text.toUpperCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> operatorWords() {
        List<String> words = new ArrayList<>();
        for (Condition.Operator op : Condition.Operator.values()) {
            words.add(op.word);
        }
        for (Condition.Operator op : Condition.Operator.values()) {
            words.add(op.word + IF_EXISTS);
        }
        return List.copyOf(words);
    }
}
