package dev.airlock.audit.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.airlock.audit.AuditRecord;
import dev.airlock.call.Call;
import dev.airlock.call.Requester;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Turns records into chained JSON lines. Runs on the writer thread only, never on a caller's.
 *
 * <p>Field order is fixed: {@code seq, time, tool, caller, call} (or {@code service, operation, action} for a
 * fast-path record), {@code classification, statement, effect, verdict, reason, approvalId, plan, latencyMicros,
 * prev, hash}. Members whose value is unknown are left out. Request parameters are never written: they may hold data
 * the tool was working on; the fingerprint stands for them.
 */
final class RecordFormat {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final byte[] HASH_OPEN = ",\"hash\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HASH_CLOSE = "\"}\n".getBytes(StandardCharsets.US_ASCII);

    private final JsonFactory json = JsonFactory.builder().build();
    private final ChainHash chain = new ChainHash();
    private final ByteArrayOutputStream scratch = new ByteArrayOutputStream(1024);
    private final Requester requester;

    RecordFormat(Requester requester) {
        this.requester = requester;
    }

    /** Appends one decision, linked to {@code prev}, to {@code out}; returns the new end of the chain. */
    ChainLink appendDecision(AuditRecord r, ChainLink prev, ByteArrayOutputStream out) throws IOException {
        long seq = prev.seq() + 1;
        scratch.reset();
        try (JsonGenerator g = json.createGenerator(scratch)) {
            g.writeStartObject();
            writeHeader(g, seq, r.epochMillis(), awsIdentityOf(r.call()));
            if (r.call() != null) {
                writeCall(g, r.call(), !proceedingRead(r));
            } else {
                writeOptional(g, "service", r.service());
                writeOptional(g, "operation", r.operation());
                writeOptional(g, "action", r.action());
            }
            writeOptional(g, "classification", r.classification() == null ? null : r.classification().name());
            writeOptional(g, "statement", r.statement());
            writeOptional(g, "effect", r.effect());
            writeOptional(g, "verdict", r.verdict());
            writeOptional(g, "reason", r.reason());
            writeOptional(g, "approvalId", r.approvalId());
            if (r.plan() != null) {
                writePlan(g, r.plan());
            }
            g.writeFieldName("latencyMicros");
            g.writeNumber(BigDecimal.valueOf(Math.max(0, r.latencyNanos()), 3));
            g.writeStringField("prev", prev.hash());
            g.writeEndObject();
        }
        return seal(seq, prev.hash(), out);
    }

    /** Appends a record saying that records were lost, and why, so the loss is itself on the chain. */
    ChainLink appendGap(long queueFull, long writeFailed, long epochMillis, ChainLink prev, ByteArrayOutputStream out)
            throws IOException {
        long seq = prev.seq() + 1;
        scratch.reset();
        try (JsonGenerator g = json.createGenerator(scratch)) {
            g.writeStartObject();
            writeHeader(g, seq, epochMillis, requester.awsIdentity());
            g.writeObjectFieldStart("gap");
            g.writeNumberField("dropped", queueFull + writeFailed);
            g.writeNumberField("queueFull", queueFull);
            g.writeNumberField("writeFailed", writeFailed);
            g.writeEndObject();
            g.writeStringField("prev", prev.hash());
            g.writeEndObject();
        }
        return seal(seq, prev.hash(), out);
    }

    /** The process's requester speaks for every record; a call may add the AWS identity once it is known. */
    private String awsIdentityOf(Call call) {
        if (requester.awsIdentity() != null || call == null) {
            return requester.awsIdentity();
        }
        return call.requester().awsIdentity();
    }

    private void writeHeader(JsonGenerator g, long seq, long epochMillis, String awsIdentity) throws IOException {
        g.writeNumberField("seq", seq);
        g.writeStringField("time", TIME.format(Instant.ofEpochMilli(epochMillis)));
        writeOptional(g, "tool", requester.tool());
        g.writeObjectFieldStart("caller");
        writeOptional(g, "user", requester.user());
        writeOptional(g, "host", requester.host());
        g.writeNumberField("pid", requester.pid());
        writeOptional(g, "awsIdentity", awsIdentity);
        g.writeEndObject();
    }

    /**
     * A read that went through: nothing can approve it or bind to it, so its fingerprint (a digest of every request
     * parameter, the writer's largest cost per record) is left out.
     */
    private static boolean proceedingRead(AuditRecord r) {
        return r.classification() == dev.airlock.call.Classification.READ && "PROCEED".equals(r.verdict());
    }

    private static void writeCall(JsonGenerator g, Call call, boolean withFingerprint) throws IOException {
        g.writeObjectFieldStart("call");
        g.writeStringField("origin", call.origin());
        g.writeStringField("service", call.service());
        g.writeStringField("operation", call.operation());
        writeList(g, "actions", call.actions());
        // Every resource, however many: the record must say exactly what was touched.
        writeList(g, "resources", call.resources());
        writeOptional(g, "region", call.region());
        writeOptional(g, "account", call.account());
        writeOptional(g, "endpoint", call.endpoint());
        if (withFingerprint) {
            writeOptional(g, "fingerprint", fingerprintOf(call));
        }
        g.writeEndObject();
    }

    /** The blast radius the gates saw: what an auditor needs to know what the call would have destroyed. */
    private static void writePlan(JsonGenerator g, dev.airlock.plan.Plan plan) throws IOException {
        g.writeObjectFieldStart("plan");
        writeOptional(g, "summary", plan.summary());
        if (!plan.measures().isEmpty()) {
            g.writeObjectFieldStart("measures");
            for (var e : new java.util.TreeMap<>(plan.measures()).entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
        if (!plan.facts().isEmpty()) {
            g.writeObjectFieldStart("facts");
            for (var e : new java.util.TreeMap<>(plan.facts()).entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
        if (!plan.details().isEmpty()) {
            writeList(g, "details", plan.details());
        }
        if (!plan.notes().isEmpty()) {
            writeList(g, "notes", plan.notes());
        }
        g.writeEndObject();
    }

    private static String fingerprintOf(Call call) {
        try {
            return call.fingerprint();
        } catch (RuntimeException e) {
            return "unavailable: " + e;
        }
    }

    private static void writeList(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void writeOptional(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    /** Hashes the canonical JSON in {@code scratch} and appends it to {@code out} with its hash member. */
    private ChainLink seal(long seq, String prev, ByteArrayOutputStream out) {
        byte[] canonical = scratch.toByteArray();
        String hash = chain.of(prev, canonical, canonical.length);
        out.write(canonical, 0, canonical.length - 1);
        out.writeBytes(HASH_OPEN);
        out.writeBytes(hash.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(HASH_CLOSE);
        return new ChainLink(seq, hash);
    }
}
