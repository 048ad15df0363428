package dev.airlock.audit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.audit.AnchorBook;
import dev.airlock.audit.AuditAnchor;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One file per chain, {@code <dir>/<sha-256 of the chain id>.anchors}: a JSON line per anchor, appended and
 * fsynced before the anchor is handed back, so a service killed right after answering still holds it. The chain
 * id is hashed into the name because it holds a host name and a path; each line carries it in full, and lines of
 * another chain (a hash collision, a file copied in) are ignored.
 */
public final class AnchorFiles implements AnchorBook {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    private AnchorFiles(Path dir) {
        this.dir = dir;
    }

    public static AnchorFiles open(Path dir) throws IOException {
        Files.createDirectories(dir);
        return new AnchorFiles(dir);
    }

    @Override
    public synchronized void append(String chainId, AuditAnchor.Anchor anchor) throws IOException {
        ObjectNode line = JSON.createObjectNode();
        line.put("chainId", chainId);
        line.put("seq", anchor.seq());
        line.put("headHash", anchor.headHash());
        line.put("epochMillis", anchor.epochMillis());
        line.put("signature", anchor.signature());
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        try (FileChannel out = FileChannel.open(fileOf(chainId), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(false);
        }
    }

    @Override
    public synchronized List<AuditAnchor.Anchor> anchors(String chainId) throws IOException {
        List<AuditAnchor.Anchor> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(fileOf(chainId), StandardCharsets.UTF_8)) {
            for (String text; (text = in.readLine()) != null; ) {
                JsonNode line;
                try {
                    line = JSON.readTree(text);
                } catch (IOException torn) {
                    continue; // a line cut short by a crash mid-write was never answered to anyone
                }
                if (line != null && chainId.equals(line.path("chainId").asText(null))) {
                    out.add(new AuditAnchor.Anchor(line.path("seq").asLong(), line.path("headHash").asText(),
                            line.path("epochMillis").asLong(), line.path("signature").asText()));
                }
            }
        } catch (NoSuchFileException never) {
            return List.of();
        }
        return out;
    }

    private Path fileOf(String chainId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(chainId.getBytes(StandardCharsets.UTF_8));
            return dir.resolve(HexFormat.of().formatHex(digest, 0, 16) + ".anchors");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
