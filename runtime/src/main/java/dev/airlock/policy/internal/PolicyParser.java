package dev.airlock.policy.internal;

import dev.airlock.policy.Budget;
import dev.airlock.policy.Effect;
import dev.airlock.policy.Policy;
import dev.airlock.policy.PolicyException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a policy from YAML or JSON, checks every statement, and compiles it. Each fault names the source, the
 * line and what is wrong; nothing is guessed, since a policy read differently from how it was meant is worse
 * than one refused.
 */
public final class PolicyParser {

    /** The policy language this runtime reads. */
    public static final String VERSION = "2026-11-01";

    /** Larger than any sensible policy; a bigger file is a mistake, not a policy. */
    private static final long MAX_BYTES = 4L * 1024 * 1024;

    private static final List<String> TOP_FIELDS = List.of("Version", "Statement");
    private static final List<String> STATEMENT_FIELDS = List.of("Sid", "Effect", "Action", "NotAction", "Resource",
            "NotResource", "Condition", "Budget", "Approvals");
    private static final List<String> BUDGET_FIELDS = List.of("PerMinute", "PerHour", "Count");
    private static final List<String> EFFECTS = List.of("Allow", "Deny", "DryRun", "RequireApproval", "RateLimit");

    private static final Pattern SID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
    /** {@code service:Action}, either part may use wildcards; or {@code *} alone. */
    private static final Pattern ACTION = Pattern.compile("\\*|[A-Za-z0-9*?-]+:[A-Za-z0-9*?]+");

    private final String source;
    private final NodeReading reading;
    private final ConditionParser conditions;

    private PolicyParser(String source) {
        this.source = source;
        this.reading = new NodeReading(source);
        this.conditions = new ConditionParser(reading);
    }

    public static Policy parse(Path file) throws PolicyException {
        String name = file.toString();
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new PolicyException(name, 0, "the file is larger than " + MAX_BYTES / 1024 / 1024
                        + " MB; that is not a policy");
            }
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new PolicyException(name, 0, "the file is not UTF-8 text");
        } catch (NoSuchFileException e) {
            throw new PolicyException(name, 0, "no such file");
        } catch (IOException e) {
            throw new PolicyException(name, 0, "cannot read the policy: " + e);
        }
        return parse(text, name);
    }

    public static Policy parse(String text, String source) throws PolicyException {
        Node root = DocumentReader.read(text, source);
        if (root == null) {
            throw new PolicyException(source, 0, "the policy is empty; it needs a Statement list");
        }
        return new PolicyParser(source).policy(root);
    }

    private Policy policy(Node root) throws PolicyException {
        if (!(root instanceof Node.Mapping top)) {
            throw reading.fault(root, "a policy is a mapping with Version and Statement, not " + root.kind());
        }
        Node statementNode = null;
        for (Node.Entry e : top.entries()) {
            switch (e.key()) {
                case "Version" -> version(e.value());
                case "Statement" -> statementNode = e.value();
                default -> throw reading.fault(e.line(), Suggestions.unknown("top-level field", e.key(), TOP_FIELDS));
            }
        }
        if (statementNode == null) {
            throw reading.fault(top, "the policy has no Statement list");
        }
        List<Node> items;
        if (statementNode instanceof Node.Sequence seq) {
            items = seq.items();
        } else if (statementNode instanceof Node.Mapping) {
            items = List.of(statementNode); // IAM also allows a single statement written as a mapping
        } else {
            throw reading.fault(statementNode, "Statement must be a list of statements, not " + statementNode.kind());
        }
        if (items.isEmpty()) {
            throw reading.fault(statementNode, "Statement is empty; a policy needs at least one statement");
        }
        List<Statement> statements = new ArrayList<>(items.size());
        Map<String, Integer> sidLines = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            statements.add(statement(items.get(i), i + 1, sidLines));
        }
        return CompiledPolicy.of(statements, source);
    }

    private void version(Node node) throws PolicyException {
        String v = reading.text(node, "Version");
        if (!VERSION.equals(v)) {
            throw reading.fault(node, "unknown Version \"" + v + "\"; this Airlock reads policies of Version \""
                    + VERSION + "\" (or without Version)");
        }
    }

    private Statement statement(Node node, int number, Map<String, Integer> sidLines) throws PolicyException {
        Node.Mapping m = reading.mapping(node, "statement " + number);
        Map<String, Node.Entry> fields = new HashMap<>();
        for (Node.Entry e : m.entries()) {
            if (!STATEMENT_FIELDS.contains(e.key())) {
                throw reading.fault(e.line(), Suggestions.unknown("statement field", e.key(), STATEMENT_FIELDS));
            }
            fields.put(e.key(), e);
        }
        String sid = sid(fields.get("Sid"), number, m.line(), sidLines);
        String name = "statement " + sid;

        Node.Entry effectEntry = fields.get("Effect");
        if (effectEntry == null) {
            throw reading.fault(m, name + " has no Effect; use one of " + String.join(", ", EFFECTS));
        }
        String effectWord = reading.word(effectEntry.value(), "Effect");
        Effect effect = Effect.ofWord(effectWord);
        if (effect == null) {
            throw reading.fault(effectEntry.value(), Suggestions.unknown("Effect", effectWord, EFFECTS));
        }

        Node.Entry action = fields.get("Action");
        Node.Entry notAction = fields.get("NotAction");
        if (action != null && notAction != null) {
            throw reading.fault(later(action, notAction).line(), name + " has both Action and NotAction; use one");
        }
        if (action == null && notAction == null) {
            throw reading.fault(m, name + " has no Action; add Action (or NotAction), for example "
                    + "Action: \"s3:Delete*\"");
        }
        Node.Entry actionEntry = action != null ? action : notAction;
        List<Glob> actions = actions(actionEntry);

        Node.Entry resource = fields.get("Resource");
        Node.Entry notResource = fields.get("NotResource");
        if (resource != null && notResource != null) {
            throw reading.fault(later(resource, notResource).line(),
                    name + " has both Resource and NotResource; use one");
        }
        List<Glob> resources = resource == null && notResource == null ? List.of(Glob.of("*"))
                : resources(resource != null ? resource : notResource);

        List<Condition> conditionList = fields.containsKey("Condition")
                ? conditions.parse(fields.get("Condition").value()) : List.of();

        Node.Entry budgetEntry = fields.get("Budget");
        Budget budget = null;
        if (effect == Effect.RATE_LIMIT) {
            if (budgetEntry == null) {
                throw reading.fault(m, name + " is a RateLimit without a Budget; add one, for example "
                        + "Budget: { PerMinute: 5, PerHour: 50 }");
            }
            budget = budget(sid, budgetEntry.value());
        } else if (budgetEntry != null) {
            throw reading.fault(budgetEntry.line(), "Budget belongs only to RateLimit statements; " + name
                    + " is " + effect.word());
        }
        Node.Entry approvalsEntry = fields.get("Approvals");
        int approvals = 0;
        if (approvalsEntry != null) {
            if (effect != Effect.REQUIRE_APPROVAL) {
                throw reading.fault(approvalsEntry.line(), "Approvals belongs only to RequireApproval statements; "
                        + name + " is " + effect.word());
            }
            long n = reading.count(approvalsEntry.value(), "Approvals");
            if (n < 1 || n > 10) {
                throw reading.fault(approvalsEntry.value(), "Approvals must be a number from 1 to 10, not " + n);
            }
            approvals = (int) n;
        }
        return new Statement(sid, effect, source + ":" + m.line(), actions, notAction != null, resources,
                notResource != null, conditionList, budget, approvals);
    }

    private String sid(Node.Entry entry, int number, int statementLine, Map<String, Integer> sidLines)
            throws PolicyException {
        String sid;
        int line;
        if (entry == null) {
            sid = "statement-" + number;
            line = statementLine;
        } else {
            sid = reading.text(entry.value(), "Sid");
            line = entry.value().line();
            if (!SID.matcher(sid).matches()) {
                throw reading.fault(line, "Sid \"" + sid + "\" must be 1 to 128 letters, digits, '-', '_' or '.'");
            }
        }
        Integer earlier = sidLines.putIfAbsent(sid, line);
        if (earlier != null) {
            throw reading.fault(line, entry == null
                    ? "statement " + number + " has no Sid, so it is named \"" + sid + "\", but the statement on "
                    + "line " + earlier + " already uses that Sid; give one of them another Sid"
                    : "duplicate Sid \"" + sid + "\" (also on line " + earlier + "); each Sid names one statement");
        }
        return sid;
    }

    private List<Glob> actions(Node.Entry entry) throws PolicyException {
        List<Glob> out = new ArrayList<>();
        for (NodeReading.Located a : reading.words(entry.value(), entry.key())) {
            if (!ACTION.matcher(a.text()).matches()) {
                throw reading.fault(a.line(), "bad action \"" + a.text() + "\" in " + entry.key() + ": write "
                        + "service:Action, for example s3:DeleteBucket or ec2:Terminate*, or * for every action");
            }
            out.add(Glob.ignoringCase(a.text()));
        }
        return out;
    }

    private List<Glob> resources(Node.Entry entry) throws PolicyException {
        List<Glob> out = new ArrayList<>();
        for (NodeReading.Located r : reading.words(entry.value(), entry.key())) {
            String text = r.text();
            boolean onlyStars = !text.isEmpty() && text.chars().allMatch(c -> c == '*');
            if (!onlyStars && !text.startsWith("arn:")) {
                throw reading.fault(r.line(), "bad resource \"" + text + "\" in " + entry.key() + ": write an ARN, "
                        + "for example arn:aws:s3:::prod-*, or * for every resource");
            }
            out.add(Glob.of(text));
        }
        return out;
    }

    private Budget budget(String sid, Node node) throws PolicyException {
        Node.Mapping m = reading.mapping(node, "Budget");
        long perMinute = 0;
        long perHour = 0;
        boolean countResources = false;
        for (Node.Entry e : m.entries()) {
            switch (e.key()) {
                case "PerMinute" -> perMinute = reading.count(e.value(), "PerMinute");
                case "PerHour" -> perHour = reading.count(e.value(), "PerHour");
                case "Count" -> {
                    String unit = reading.word(e.value(), "Count");
                    if (unit.equalsIgnoreCase("resources")) {
                        countResources = true;
                    } else if (!unit.equalsIgnoreCase("calls")) {
                        throw reading.fault(e.value(), "Count must be calls or resources, not \"" + unit + "\"");
                    }
                }
                default -> throw reading.fault(e.line(), Suggestions.unknown("Budget field", e.key(), BUDGET_FIELDS));
            }
        }
        if (perMinute == 0 && perHour == 0) {
            throw reading.fault(m, "Budget sets no limit; give PerMinute or PerHour a number above 0");
        }
        return new Budget(sid, perMinute, perHour, countResources);
    }

    private static Node.Entry later(Node.Entry a, Node.Entry b) {
        return a.line() >= b.line() ? a : b;
    }
}
