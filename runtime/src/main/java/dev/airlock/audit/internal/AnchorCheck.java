package dev.airlock.audit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.audit.AuditAnchor;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks an audit file against anchors a witness countersigned: the record at each anchored sequence number must
 * still carry the hash the witness saw, and no anchored record may be missing. Run after the chain itself has
 * been verified, this tells a rewritten file from the one the witness saw.
 */
public final class AnchorCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AnchorCheck() {
    }

    /** Null when every anchor matches; otherwise what does not. */
    public static String check(Path file, List<AuditAnchor.Anchor> anchors) throws IOException {
        Map<Long, String> hashes = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode node = JSON.readTree(line);
                    if (node.has("seq") && node.has("hash")) {
                        hashes.put(node.get("seq").asLong(), node.get("hash").asText());
                    }
                } catch (IOException e) {
                    // a line the chain check already judged
                }
            }
        }
        for (AuditAnchor.Anchor anchor : anchors) {
            String hash = hashes.get(anchor.seq());
            if (hash == null) {
                return "record seq " + anchor.seq() + ", countersigned at " + java.time.Instant.ofEpochMilli(
                        anchor.epochMillis()) + ", is missing: the file was cut or replaced";
            }
            if (!hash.equals(anchor.headHash())) {
                return "record seq " + anchor.seq() + " does not carry the hash countersigned at "
                        + java.time.Instant.ofEpochMilli(anchor.epochMillis()) + ": the file was rewritten";
            }
        }
        return null;
    }
}
