package dev.airlock.process.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --cli-input-json} / {@code --cli-input-yaml}: the request given whole, inline or as {@code file://}. */
final class CliInput {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private CliInput() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(List<Word> values, boolean yaml, java.nio.file.Path directory) {
        if (values.size() != 1 || values.get(0).dynamic()) {
            return Map.of();
        }
        String text = values.get(0).text();
        if (text.startsWith("file://")) {
            text = ScriptFiles.read(ScriptFiles.resolve(directory, text.substring("file://".length())));
            if (text == null) {
                return Map.of();
            }
        }
        try {
            Object parsed = (yaml ? YAML : JSON).readValue(text, Object.class);
            return parsed instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : Map.of();
        } catch (Exception e) {
            return Map.of();
        }
    }
}
