package dev.airlock.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The embedded default: a hash-chained JSON-lines file. */
class FileAuditLogContractTest extends AuditLogContract {

    private Path file;

    @Override
    protected AuditLog open() throws Exception {
        file = Files.createTempDirectory("airlock-audit-contract").resolve("audit.jsonl");
        return AuditLog.toFile(file, AuditFixtures.ALICE);
    }

    @Override
    protected List<String> keptOperations() {
        return AuditFixtures.lines(file).stream()
                .map(n -> n.has("call") ? n.path("call").path("operation") : n.path("operation"))
                .map(JsonNode::asText).toList();
    }
}
