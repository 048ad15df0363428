package dev.airlock.audit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sidecar {@code <audit file>.head}: the sequence number and hash of the last record written. A hash chain
 * cannot notice that its last records were cut off; the head can. It is replaced atomically after each batch,
 * under the same lock as the batch, so it never names a record that is not in the file.
 */
final class HeadFile {

    private static final Pattern CONTENT =
            Pattern.compile("\\{\"seq\":(\\d{1,18}),\"hash\":\"([0-9a-f]{64})\"}\\s*");

    private HeadFile() {
    }

    static Path of(Path auditFile) {
        return auditFile.resolveSibling(auditFile.getFileName() + ".head");
    }

    static void write(Path head, ChainLink link) throws IOException {
        Path tmp = head.resolveSibling(head.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        String text = "{\"seq\":" + link.seq() + ",\"hash\":\"" + link.hash() + "\"}\n";
        Files.writeString(tmp, text, StandardCharsets.US_ASCII);
        try {
            Files.move(tmp, head, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, head, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * @return the link the head names
     * @throws IOException when it cannot be read
     * @throws IllegalArgumentException when its content is not a head
     */
    static ChainLink read(Path head) throws IOException {
        String text = Files.readString(head, StandardCharsets.US_ASCII);
        Matcher m = CONTENT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("it does not hold {\"seq\":N,\"hash\":\"<64 hex>\"}");
        }
        return new ChainLink(Long.parseLong(m.group(1)), m.group(2));
    }
}
