package dev.airlock.catalog.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * An ARN template from the service reference, such as {@code arn:${Partition}:s3:::${BucketName}/${ObjectName}},
 * split once into literals and variables so that filling it per call is a single pass with no parsing.
 */
final class ArnTemplate {

    private static final int PARTITION = -1;
    private static final int REGION = -2;
    private static final int ACCOUNT = -3;

    private final String text;
    /** literals[i] precedes slots[i]; the last literal follows the last slot. */
    private final String[] literals;
    private final int[] slots;
    private final List<String> variables;

    private ArnTemplate(String text, String[] literals, int[] slots, List<String> variables) {
        this.text = text;
        this.literals = literals;
        this.slots = slots;
        this.variables = List.copyOf(variables);
    }

    static ArnTemplate compile(String text) {
        List<String> literals = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        int at = 0;
        while (true) {
            int open = text.indexOf("${", at);
            int close = open < 0 ? -1 : text.indexOf('}', open + 2);
            if (open < 0 || close < 0) {
                literals.add(text.substring(at));
                break;
            }
            literals.add(text.substring(at, open));
            String name = text.substring(open + 2, close);
            switch (name) {
                case "Partition" -> slots.add(PARTITION);
                case "Region" -> slots.add(REGION);
                case "Account" -> slots.add(ACCOUNT);
                default -> {
                    int index = variables.indexOf(name);
                    if (index < 0) {
                        index = variables.size();
                        variables.add(name);
                    }
                    slots.add(index);
                }
            }
            at = close + 1;
        }
        int[] slotArray = new int[slots.size()];
        for (int i = 0; i < slotArray.length; i++) {
            slotArray[i] = slots.get(i);
        }
        return new ArnTemplate(text, literals.toArray(new String[0]), slotArray, variables);
    }

    String text() {
        return text;
    }

    /** The variables a request must supply, in order of first appearance; Partition, Region and Account excluded. */
    List<String> variables() {
        return variables;
    }

    /** The ARN for this scope and these variable values (aligned with {@link #variables()}). */
    String fill(ArnScope scope, String... values) {
        StringBuilder arn = new StringBuilder(text.length() + 32);
        for (int i = 0; i < slots.length; i++) {
            arn.append(literals[i]);
            int slot = slots[i];
            arn.append(switch (slot) {
                case PARTITION -> scope.partition();
                case REGION -> scope.region();
                case ACCOUNT -> scope.account();
                default -> values[slot];
            });
        }
        return arn.append(literals[slots.length]).toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
