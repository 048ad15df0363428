package dev.airlock.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.call.Call;
import dev.airlock.call.Classification;
import dev.airlock.call.Requester;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Records, calls and file readers shared by the audit tests. */
public final class AuditFixtures {

    public static final Requester ALICE = new Requester("alice", "build-7", 4242, "coding-agent", null);
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditFixtures() {
    }

    /** What the engine records for a read on the fast path. */
    public static AuditRecord read(String operation) {
        return new AuditRecord(System.currentTimeMillis(), "s3", operation, "s3:" + operation, Classification.READ,
                "default:read", "Allow", "PROCEED", null, null, 12_345, null);
    }

    /** What the engine records for a held DeleteObjects of {@code keys} keys. */
    public static AuditRecord heldDelete(int keys) {
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < keys; i++) {
            arns.add("arn:aws:s3:::demo-data/reports/" + i + ".csv");
        }
        Call call = Call.builder()
                .service("s3")
                .operation("DeleteObjects")
                .actions(List.of("s3:DeleteObject"))
                .classification(Classification.DESTRUCTIVE)
                .resources(arns)
                .region("eu-west-1")
                .account("123456789012")
                .endpoint("https://s3.eu-west-1.amazonaws.com")
                .parameters(Map.of("Bucket", "demo-data", "ExpectedBucketOwner", "secret-owner-token"))
                .requester(ALICE)
                .build();
        return new AuditRecord(System.currentTimeMillis(), "s3", "DeleteObjects", "s3:DeleteObject",
                Classification.DESTRUCTIVE, "protect-data", "RequireApproval", "HOLD", "needs one approver",
                "apr-123", 2_500_000, call);
    }

    public static List<JsonNode> lines(Path file) {
        try {
            List<JsonNode> out = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                out.add(JSON.readTree(line));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> rawLines(Path file) {
        try {
            return new ArrayList<>(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void writeLines(Path file, List<String> lines) {
        try {
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
