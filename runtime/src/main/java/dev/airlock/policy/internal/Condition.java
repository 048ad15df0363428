package dev.airlock.policy.internal;

import dev.airlock.call.Call;
import dev.airlock.call.Classification;
import dev.airlock.policy.PolicyContext;
import java.util.List;

/**
 * One test of a statement's {@code Condition}: an operator, a key and the values it accepts. The values are
 * alternatives (any may match); a statement's conditions must all hold.
 */
final class Condition {

    enum Operator {
        STRING_EQUALS("StringEquals", false, false),
        STRING_NOT_EQUALS("StringNotEquals", false, true),
        STRING_LIKE("StringLike", true, false),
        STRING_NOT_LIKE("StringNotLike", true, true);

        final String word;
        final boolean wildcards;
        final boolean negated;

        Operator(String word, boolean wildcards, boolean negated) {
            this.word = word;
            this.wildcards = wildcards;
            this.negated = negated;
        }
    }

    private final Operator operator;
    private final boolean ifExists;
    private final ConditionKey key;
    private final String tagKey;
    /** Exact values for the Equals operators. */
    private final String[] values;
    /** Patterns for the Like operators. */
    private final Glob[] patterns;
    private final boolean ignoreCase;

    Condition(Operator operator, boolean ifExists, ConditionKey key, String tagKey, List<String> values) {
        this.operator = operator;
        this.ifExists = ifExists;
        this.key = key;
        this.tagKey = tagKey;
        // Classifications are words the user may write in any case.
        this.ignoreCase = key == ConditionKey.CLASSIFICATION;
        if (operator.wildcards) {
            this.values = new String[0];
            this.patterns = values.stream().map(v -> ignoreCase ? Glob.ignoringCase(v) : Glob.of(v))
                    .toArray(Glob[]::new);
        } else {
            this.values = values.toArray(new String[0]);
            this.patterns = new Glob[0];
        }
    }

    ConditionKey key() {
        return key;
    }

    boolean test(Call call, PolicyContext context) {
        return holdsFor(key.valueIn(call, context, tagKey));
    }

    /** The outcome for a key whose value is {@link ConditionKey#isFixedPerAction() fixed per action}. */
    boolean testFixed(Classification classification, PolicyContext context) {
        return holdsFor(key.fixedValue(classification, context));
    }

    private boolean holdsFor(String value) {
        if (value == null) {
            return ifExists;
        }
        boolean any = false;
        if (operator.wildcards) {
            for (Glob p : patterns) {
                if (p.matches(value)) {
                    any = true;
                    break;
                }
            }
        } else {
            for (String v : values) {
                if (ignoreCase ? v.equalsIgnoreCase(value) : v.equals(value)) {
                    any = true;
                    break;
                }
            }
        }
        return any != operator.negated;
    }

    @Override
    public String toString() {
        return operator.word + (ifExists ? "IfExists" : "") + " " + key.keyName() + (tagKey == null ? "" : tagKey);
    }
}
