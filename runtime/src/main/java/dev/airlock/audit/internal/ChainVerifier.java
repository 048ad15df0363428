package dev.airlock.audit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.audit.AuditChain.Verification;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Checks an audit file: every record's hash, its link to the record before, its sequence number, and the head
 * file that guards the end against records being cut off.
 *
 * <p>Outcomes:
 * <ul>
 *   <li>intact: {@code ok}, no fault;</li>
 *   <li>intact with a torn line: {@code ok}, and {@code brokenLine}/{@code fault} name the first line that a
 *       writer left unfinished (killed or out of disk in the middle of a write). Such a line never joined the
 *       chain: the chain is verified straight across it, so nothing that was written whole is missing;</li>
 *   <li>broken: not {@code ok}; the first line at fault and why (altered, deleted, inserted, cut off, not a
 *       record), or why the file could not be read.</li>
 * </ul>
 */
public final class ChainVerifier {

    private final ObjectMapper json = new ObjectMapper();
    private final ChainHash chain = new ChainHash();
    private final ChainLink head;
    private final Path headFile;

    private long lineNumber;
    private long records;
    private ChainLink last = ChainLink.EMPTY;
    private long firstTornLine;

    private ChainVerifier(Path headFile, ChainLink head) {
        this.headFile = headFile;
        this.head = head;
    }

    public static Verification verify(Path file) {
        if (file == null) {
            return new Verification(false, 0, 0, "no audit file was given");
        }
        if (Files.isDirectory(file)) {
            return new Verification(false, 0, 0, "cannot read " + file + ": it is a directory");
        }
        Path headFile = HeadFile.of(file);
        ChainLink head = null;
        if (Files.exists(headFile)) {
            try {
                head = HeadFile.read(headFile);
            } catch (IOException | IllegalArgumentException e) {
                return new Verification(false, 0, 0, "the head file " + headFile + " is unreadable (" + reason(e)
                        + "), so records cut off the end could go unnoticed");
            }
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 << 10)) {
            return new ChainVerifier(headFile, head).check(new LineReader(in));
        } catch (IOException e) {
            return new Verification(false, 0, 0, "cannot read " + file + ": " + reason(e));
        }
    }

    private Verification check(LineReader lines) throws IOException {
        while (lines.next()) {
            lineNumber++;
            String fault = checkLine(lines.bytes(), lines.length());
            if (fault != null) {
                return new Verification(false, records, lineNumber, "line " + lineNumber + " " + fault);
            }
        }
        return checkEnd();
    }

    /** @return what is wrong with this line, or null when it extends the chain (or is a torn line) */
    private String checkLine(byte[] line, int length) {
        int hashStart = ChainHash.hashMemberStart(line, length);
        if (hashStart < 0) {
            if (ChainHash.looksTorn(line, length)) {
                if (firstTornLine == 0) {
                    firstTornLine = lineNumber;
                }
                return null;
            }
            return length == 0 ? "is empty, where a record should be" : "is not an audit record";
        }
        JsonNode node;
        try {
            node = json.readTree(line, 0, length);
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            return "is not valid JSON (" + why + "): it was altered";
        }
        JsonNode seqNode = node.get("seq");
        JsonNode prevNode = node.get("prev");
        if (seqNode == null || !seqNode.canConvertToExactIntegral() || prevNode == null || !prevNode.isTextual()) {
            return "lacks a seq or prev member: it was altered";
        }
        long seq = seqNode.asLong();
        String prev = prevNode.asText();
        String hash = ChainHash.hashOf(line, hashStart);
        if (!chain.ofLine(prev, line, hashStart).equals(hash)) {
            return "(seq " + seq + ") was altered: its hash does not match its content";
        }
        if (!prev.equals(last.hash())) {
            return records == 0
                    ? "(seq " + seq + ") does not link to the start of a chain: records before it were deleted or "
                    + "altered"
                    : "(seq " + seq + ") does not link to the record before it (seq " + last.seq() + "): a record "
                    + "was deleted, inserted or altered";
        }
        if (seq != last.seq() + 1) {
            return "has seq " + seq + " after seq " + last.seq() + ": the sequence was altered";
        }
        if (head != null && seq == head.seq() && !hash.equals(head.hash())) {
            return "(seq " + seq + ") is not the record the head file " + headFile + " names: the end of the "
                    + "file was replaced";
        }
        last = new ChainLink(seq, hash);
        records++;
        return null;
    }

    private Verification checkEnd() {
        if (head == null && records > 0) {
            return new Verification(false, records, 0, "the head file " + headFile + " is missing, so records "
                    + "cut off the end of the file could go unnoticed; the " + records + " record(s) present verify");
        }
        if (head != null && head.seq() > last.seq()) {
            long missing = head.seq() - last.seq();
            return new Verification(false, records, lineNumber + 1, "the file ends at seq " + last.seq()
                    + " but its head file says seq " + head.seq() + " was written: the last " + missing
                    + " record(s) were deleted");
        }
        if (firstTornLine > 0) {
            return new Verification(true, records, firstTornLine, "line " + firstTornLine + " is torn: a writer "
                    + "stopped in the middle of it (killed, crashed or out of disk space); it never joined the "
                    + "chain, and the chain holds across it");
        }
        return new Verification(true, records, 0, null);
    }

    private static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Lines as raw bytes: hashes are over the bytes as written, whatever their encoding. */
    private static final class LineReader {
        private final InputStream in;
        private byte[] bytes = new byte[8192];
        private int length;

        LineReader(InputStream in) {
            this.in = in;
        }

        boolean next() throws IOException {
            length = 0;
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    return true;
                }
                if (length == bytes.length) {
                    bytes = Arrays.copyOf(bytes, bytes.length * 2);
                }
                bytes[length++] = (byte) b;
            }
            return length > 0;
        }

        byte[] bytes() {
            return bytes;
        }

        int length() {
            return length;
        }
    }
}
