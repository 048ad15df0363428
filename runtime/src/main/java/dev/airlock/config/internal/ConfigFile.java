package dev.airlock.config.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.airlock.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * {@code airlock.yaml}: nested maps flatten to dotted keys, so {@code audit: {file: x}} and
 * {@code audit.file: x} say the same. Every fault names the file and, where it has one, the line.
 */
public final class ConfigFile {

    private static final YAMLFactory YAML = YAMLFactory.builder().build();

    private ConfigFile() {
    }

    /**
     * @param namedBy where the path came from, for messages ({@code environment variable AIRLOCK_CONFIG})
     */
    public static ConfigLayer read(Path file, String namedBy, String home) throws ConfigException {
        String where = "config file " + file + " (named by " + namedBy + ")";
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw new ConfigException(where + ": cannot read it: it is a directory");
            }
            text = new String(dev.airlock.config.FilesAtStart.read(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(where + ": cannot read it: " + osReason(e), e);
        }
        ConfigLayer layer = new ConfigLayer(home);
        try (JsonParser p = YAML.createParser(text)) {
            p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonToken first = p.nextToken();
            if (first == null || first == JsonToken.VALUE_NULL) {
                return layer; // empty, or only comments
            }
            if (first != JsonToken.START_OBJECT) {
                throw new ConfigException(where + ": must be a map of settings (key: value), not "
                        + describe(first) + " at line " + line(p));
            }
            readMap(p, "", layer, "config file " + file);
            if (p.nextToken() != null) {
                throw new ConfigException(where + ": holds a second YAML document at line " + line(p)
                        + "; put every setting in one");
            }
        } catch (JsonProcessingException e) {
            throw new ConfigException(where + ": " + syntaxError(e), e);
        } catch (IOException e) {
            throw new ConfigException(where + ": cannot read it: " + osReason(e), e);
        }
        return layer;
    }

    private static void readMap(JsonParser p, String prefix, ConfigLayer layer, String file) throws IOException,
            ConfigException {
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_OBJECT) {
            if (token != JsonToken.FIELD_NAME) {
                throw new ConfigException(file + ", line " + line(p) + ": expected a key, found " + describe(token));
            }
            String key = prefix + p.currentName();
            int line = line(p);
            String source = file + ", line " + line;
            JsonToken value = p.nextToken();
            if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                throw new ConfigException(source + ": " + key + " uses a YAML alias (*" + p.getText()
                        + "); write the value itself");
            }
            switch (value) {
                case START_OBJECT -> {
                    if (KnownKeys.match(key) != null) {
                        throw new ConfigException(source + ": " + KnownKeys.match(key) + " must be a single value, "
                                + "not a map");
                    }
                    readMap(p, key + ".", layer, file);
                }
                case START_ARRAY -> throw new ConfigException(source + ": " + key + " must be a single value, not "
                        + "a list");
                case VALUE_NULL -> layer.put(key, null, source, k -> k);
                case VALUE_TRUE -> layer.put(key, "true", source, k -> k);
                case VALUE_FALSE -> layer.put(key, "false", source, k -> k);
                default -> layer.put(key, p.getText(), source, k -> k);
            }
        }
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "a list";
            case START_OBJECT -> "a map";
            case VALUE_NULL -> "nothing";
            default -> "a single value";
        };
    }

    private static String syntaxError(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
            String context = m.getContext() == null ? "" : " (" + m.getContext()
                    + (m.getContextMark() == null ? "" : " started at line " + (m.getContextMark().getLine() + 1))
                    + ")";
            return "YAML syntax error at line " + (m.getProblemMark().getLine() + 1) + ", column "
                    + (m.getProblemMark().getColumn() + 1) + ": " + ParserFaults.plain(m.getProblem()) + context;
        }
        String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                + (e.getLocation().getColumnNr() > 0 ? ", column " + e.getLocation().getColumnNr() : "");
        return "YAML syntax error" + at + ": " + ParserFaults.plain(e.getOriginalMessage());
    }

    static String osReason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
