package dev.airlock.approval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Requests and grants as JSON: the one wire and storage form of the journal, the DynamoDB table and the service's
 * HTTP API. Unknown fields are ignored, so an older reader keeps working beside a newer writer.
 */
public final class ApprovalJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ApprovalJson() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ApprovalRequest request(String json) throws ApprovalException {
        return read(json, ApprovalRequest.class);
    }

    public static <T> T read(String json, Class<T> type) throws ApprovalException {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException | IllegalArgumentException e) {
            throw new ApprovalException("not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    public static JsonNode tree(String json) throws ApprovalException {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new ApprovalException("not valid JSON: " + e.getMessage(), e);
        }
    }

    public static <T> T convert(JsonNode node, Class<T> type) throws ApprovalException {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (IOException | IllegalArgumentException e) {
            throw new ApprovalException("not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static JsonNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }
}
