package dev.airlock.credentials.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A catalog ARN template ({@code arn:${Partition}:s3:::${BucketName}/${ObjectName}}) as a matcher and a filler. */
final class ArnPattern {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    private final String template;
    private final Pattern pattern;

    ArnPattern(String template) {
        this.template = template;
        StringBuilder regex = new StringBuilder();
        Matcher m = VARIABLE.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start())));
            String name = m.group(1);
            // Identifiers of the ARN's own segments never hold a colon; resource names (keys, paths) may.
            regex.append(name.equals("Partition") || name.equals("Region") || name.equals("Account")
                    ? "[^:]*" : ".+");
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        this.pattern = Pattern.compile(regex.toString());
    }

    boolean matches(String arn) {
        return pattern.matcher(arn).matches();
    }

    /** The template with what is known filled in and every other variable a wildcard. */
    String fill(String partition, String region, String account) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "Partition" -> partition;
                case "Region" -> region == null ? "*" : region;
                case "Account" -> account == null ? "*" : account;
                default -> "*";
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString().replaceAll("\\*+", "*");
    }

    /** How much of the template is fixed text: the narrower, the more. */
    int fixedLength() {
        return VARIABLE.matcher(template).replaceAll("").length();
    }
}
