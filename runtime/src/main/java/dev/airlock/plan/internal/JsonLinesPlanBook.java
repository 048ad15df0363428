package dev.airlock.plan.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.call.Call;
import dev.airlock.plan.Plan;
import dev.airlock.plan.PlanBook;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plans of one process's dry run: {@code plan-<yyyyMMdd-HHmmss>-<pid>.jsonl}, one JSON line per call not
 * sent, and beside it {@code plan-...-<pid>.txt}, the summary a human reads. Nothing is created until the
 * first call is added, so a run that held nothing back leaves no file. Each line is appended as it comes, so
 * a killed process keeps every plan it recorded.
 */
public final class JsonLinesPlanBook implements PlanBook {

    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final DateTimeFormatter LINE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    /** File names handed out in this JVM, so two books opened in the same second never share a file. */
    private static final Set<Path> CLAIMED = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final Path summaryFile;
    private final Clock clock;
    private final PlanSummary summary = new PlanSummary();
    private String tool = "unknown-tool";
    private boolean failing;
    private boolean closed;

    private JsonLinesPlanBook(Path file, Clock clock) {
        this.file = file;
        String name = file.getFileName().toString();
        this.summaryFile = file.resolveSibling(name.substring(0, name.length() - ".jsonl".length()) + ".txt");
        this.clock = clock;
    }

    public static PlanBook open(Path dir) {
        return open(dir, Clock.systemDefaultZone());
    }

    static JsonLinesPlanBook open(Path dir, Clock clock) {
        Path absolute = dir.toAbsolutePath().normalize();
        String base = "plan-" + NAME_TIME.format(LocalDateTime.now(clock)) + "-" + ProcessHandle.current().pid();
        Path candidate = absolute.resolve(base + ".jsonl");
        for (int n = 2; !CLAIMED.add(candidate) || Files.exists(candidate); n++) {
            candidate = absolute.resolve(base + "-" + n + ".jsonl");
        }
        return new JsonLinesPlanBook(candidate, clock);
    }

    @Override
    public synchronized void add(Call call, Plan plan, String reason) {
        try {
            byte[] line = lineFor(call, plan, reason);
            Files.createDirectories(file.getParent());
            Files.write(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            summary.add(call, plan);
            if (call.requester().tool() != null) {
                tool = call.requester().tool();
            }
            failing = false;
        } catch (Throwable t) {
            // A plan that cannot be written must not turn a dry run into a failure of the host's call.
            if (!failing) {
                Log.LOG.warn("Airlock could not write the dry-run plan {}: {}", file, t.toString());
                System.err.println("[airlock] WARN: could not write the dry-run plan " + file + ": " + t);
            }
            failing = true;
        }
    }

    private byte[] lineFor(Call call, Plan plan, String reason) throws IOException {
        ObjectNode line = Json.MAPPER.createObjectNode();
        line.put("time", LINE_TIME.format(Instant.now(clock)));
        line.put("tool", call.requester().tool());
        line.put("action", call.action());
        line.put("operation", call.operation());
        line.put("service", call.service());
        line.put("classification", call.classification().name());
        call.resources().forEach(line.putArray("resources")::add);
        line.put("region", call.region());
        line.put("account", call.account());
        line.put("fingerprint", call.fingerprint());
        line.put("reason", reason);
        line.put("summary", plan.summary());
        ObjectNode measures = line.putObject("measures");
        plan.measures().forEach(measures::put);
        if (!plan.facts().isEmpty()) {
            ObjectNode facts = line.putObject("facts");
            plan.facts().forEach(facts::put);
        }
        if (!plan.details().isEmpty()) {
            plan.details().forEach(line.putArray("details")::add);
        }
        if (!plan.notes().isEmpty()) {
            plan.notes().forEach(line.putArray("notes")::add);
        }
        byte[] bytes = Json.MAPPER.writeValueAsBytes(line);
        byte[] withNewline = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, withNewline, 0, bytes.length);
        withNewline[bytes.length] = '\n';
        return withNewline;
    }

    @Override
    public Path file() {
        return file;
    }

    /** The human-readable summary beside the plan. */
    public Path summaryFile() {
        return summaryFile;
    }

    @Override
    public synchronized void writeSummary() {
        if (summary.calls() == 0) {
            return;
        }
        try {
            String text = summary.render(tool, file, Instant.now(clock));
            Path tmp = summaryFile.resolveSibling(summaryFile.getFileName() + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, summaryFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, summaryFile, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Log.LOG.warn("Airlock could not write the dry-run summary {}: {}", summaryFile, e.toString());
            System.err.println("[airlock] WARN: could not write the dry-run summary " + summaryFile + ": " + e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (summary.calls() > 0) {
            writeSummary();
            System.err.println("[airlock] dry run: " + summary.calls() + " destructive call(s) not sent; plan: "
                    + summaryFile);
        }
    }

    /** Created on first use: a process with nothing to report never touches logging. */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(JsonLinesPlanBook.class);
    }

    /** Created with the first plan: loading Jackson's data binding costs a host's start a noticeable moment. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
