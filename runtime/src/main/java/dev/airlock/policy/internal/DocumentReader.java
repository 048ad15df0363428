package dev.airlock.policy.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;
import dev.airlock.policy.PolicyException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a YAML or JSON document into {@link Node}s that remember their lines. Jackson's tree model forgets
 * where a value was written, so the tree is built here from the token stream.
 */
final class DocumentReader {

    /** A policy is a few levels deep; anything deeper is not a policy and must not exhaust the stack. */
    private static final int MAX_DEPTH = 24;

    private static final JsonFactory JSON = new JsonFactory();
    private static final YAMLFactory YAML = new YAMLFactory();

    private DocumentReader() {
    }

    /** JSON when the source is named {@code .json} or the text starts with a brace; YAML otherwise. */
    static boolean looksLikeJson(String text, String source) {
        if (source.toLowerCase(Locale.ROOT).endsWith(".json")) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '\uFEFF') {
                return c == '{';
            }
        }
        return false;
    }

    /** The document's root, or null when the text holds no document at all. */
    static Node read(String text, String source) throws PolicyException {
        boolean json = looksLikeJson(text, source);
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try (JsonParser parser = (json ? JSON : YAML).createParser(body)) {
            if (parser.nextToken() == null) {
                return null;
            }
            Node root = readValue(parser, source, 0);
            if (parser.nextToken() != null) {
                throw new PolicyException(source, line(parser), json
                        ? "unexpected content after the end of the policy"
                        : "a policy file holds one YAML document; found another here");
            }
            return root;
        } catch (MarkedYAMLException e) {
            throw yamlSyntax(source, e);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new PolicyException(source, line, (json ? "JSON" : "YAML") + " syntax"
                    + (column > 0 ? " at column " + column : "") + ": "
                    + dev.airlock.config.internal.ParserFaults.plain(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new PolicyException(source, 0, "cannot read the policy: " + e.getMessage());
        }
    }

    private static Node readValue(JsonParser p, String source, int depth) throws IOException, PolicyException {
        int line = line(p);
        if (depth > MAX_DEPTH) {
            throw new PolicyException(source, line, "values are nested too deeply for a policy");
        }
        if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            throw new PolicyException(source, line, "YAML aliases (*" + p.getText() + ") are not supported; "
                    + "a value that starts with * must be quoted, for example \"*" + p.getText() + "\"");
        }
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT:
                return readMapping(p, source, depth, line);
            case START_ARRAY:
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(p, source, depth + 1));
                }
                return new Node.Sequence(List.copyOf(items), line);
            case VALUE_STRING:
                return new Node.Scalar(Node.Scalar.Type.STRING, p.getText(), line);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new Node.Scalar(Node.Scalar.Type.NUMBER, p.getText(), line);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new Node.Scalar(Node.Scalar.Type.BOOLEAN, p.getText(), line);
            case VALUE_NULL:
                return new Node.Scalar(Node.Scalar.Type.NULL, "", line);
            default:
                throw new PolicyException(source, line, "unexpected " + token + " in a policy");
        }
    }

    private static Node readMapping(JsonParser p, String source, int depth, int line)
            throws IOException, PolicyException {
        List<Node.Entry> entries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            int keyLine = line(p);
            Integer earlier = seen.putIfAbsent(key, keyLine);
            if (earlier != null) {
                throw new PolicyException(source, keyLine, "\"" + key + "\" is written twice in the same mapping "
                        + "(first on line " + earlier + ")");
            }
            p.nextToken();
            entries.add(new Node.Entry(key, keyLine, readValue(p, source, depth + 1)));
        }
        return new Node.Mapping(List.copyOf(entries), line);
    }

    private static int line(JsonParser p) {
        return Math.max(0, p.currentTokenLocation().getLineNr());
    }

    private static PolicyException yamlSyntax(String source, MarkedYAMLException e) {
        int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1
                : e.getLocation() != null ? e.getLocation().getLineNr() : 0;
        String context = e.getContext();
        String problem = e.getProblem() == null ? "" : e.getProblem().replaceAll("\\s+", " ").trim();
        if (context != null && context.contains("alias")) {
            return new PolicyException(source, line, "YAML syntax: a value that starts with * must be quoted, "
                    + "for example Resource: \"*\"");
        }
        StringBuilder fault = new StringBuilder("YAML syntax: ").append(problem);
        if (context != null && !context.isBlank()) {
            fault.append(" (").append(context.trim());
            if (e.getContextMark() != null && e.getContextMark().getLine() + 1 != line) {
                fault.append(" that starts on line ").append(e.getContextMark().getLine() + 1);
            }
            fault.append(')');
        }
        return new PolicyException(source, line, fault.toString());
    }
}
