package dev.airlock.process.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tool's arguments read the getopt way: operands in order, options with their values ({@code -n x},
 * {@code -nx}, {@code --name=x}, {@code --name x} for the options known to take one), and flags. A word known
 * only at run time counts as an operand and marks the whole as {@code dynamic}: it could be any flag.
 */
record Argv(List<Word> operands, Map<String, Word> options, Set<String> flags, boolean dynamic) {

    static Argv read(List<Word> args, Set<String> valueOptions) {
        List<Word> operands = new ArrayList<>();
        Map<String, Word> options = new LinkedHashMap<>();
        Set<String> flags = new LinkedHashSet<>();
        boolean dynamic = false;
        boolean onlyOperands = false;
        for (int i = 0; i < args.size(); i++) {
            Word w = args.get(i);
            String t = w.text();
            if (w.dynamic()) {
                dynamic = true;
                operands.add(w);
            } else if (onlyOperands || !t.startsWith("-") || t.equals("-")) {
                operands.add(w);
            } else if (t.equals("--")) {
                onlyOperands = true;
            } else if (t.startsWith("--") && t.indexOf('=') > 0) {
                options.put(t.substring(0, t.indexOf('=')), Word.literal(t.substring(t.indexOf('=') + 1)));
            } else if (valueOptions.contains(t)) {
                if (i + 1 < args.size()) {
                    Word v = args.get(++i);
                    options.put(t, v);
                    dynamic |= v.dynamic();
                }
            } else if (!t.startsWith("--") && t.length() > 2 && valueOptions.contains(t.substring(0, 2))) {
                String v = t.substring(2);
                options.put(t.substring(0, 2), Word.literal(v.startsWith("=") ? v.substring(1) : v));
            } else if (!t.startsWith("--") && t.indexOf('=') > 0) {
                options.put(t.substring(0, t.indexOf('=')), Word.literal(t.substring(t.indexOf('=') + 1)));
            } else {
                flags.add(t);
            }
        }
        return new Argv(operands, options, flags, dynamic);
    }

    /** The value of the first of these options given, or null. */
    Word option(String... names) {
        for (String n : names) {
            Word w = options.get(n);
            if (w != null) {
                return w;
            }
        }
        return null;
    }

    String optionText(String... names) {
        Word w = option(names);
        return w == null || w.dynamic() ? null : w.text();
    }

    boolean has(String... names) {
        for (String n : names) {
            if (flags.contains(n) || options.containsKey(n)) {
                return true;
            }
        }
        return false;
    }

    /** The operand at {@code i}, or null. */
    Word operand(int i) {
        return i < operands.size() ? operands.get(i) : null;
    }

    String operandText(int i) {
        Word w = operand(i);
        return w == null ? null : w.text();
    }

    List<String> operandTexts(int from) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < operands.size(); i++) {
            out.add(operands.get(i).text());
        }
        return out;
    }
}
