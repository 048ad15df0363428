package dev.airlock.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.approval.ApprovalStore;
import dev.airlock.approval.GrantSigner;
import dev.airlock.approval.ServiceKey;
import dev.airlock.audit.AnchorBook;
import dev.airlock.audit.AuditChain;
import dev.airlock.audit.AuditLog;
import dev.airlock.bridge.CallAnswer;
import dev.airlock.bridge.CallGuard;
import dev.airlock.call.Requester;
import dev.airlock.cli.AirlockCli;
import dev.airlock.config.AirlockConfig;
import dev.airlock.engine.Engine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A guarded engine writes its audit file while a real approval service on loopback countersigns its heads; then
 * the file is forged the ways a rewriter would, and {@code airlock audit verify --anchors URL} must tell.
 */
class AuditAnchorsEndToEndTest {

    @TempDir
    Path dir;
    Path auditFile;
    ApprovalServer server;
    String url;
    KeyPair keys;
    ApprovalStore store;

    @BeforeEach
    void serviceOnLoopback() throws Exception {
        auditFile = dir.resolve("tool").resolve("audit.jsonl");
        keys = ServiceKey.loadOrCreate(dir.resolve("keys"));
        startService();
    }

    private void startService() throws Exception {
        store = ApprovalStore.localDirectory(dir.resolve("store"));
        ApprovalService service = new ApprovalService(store,
                new GrantSigner(keys.getPrivate(), Duration.ofMinutes(15), 1), keys.getPublic(),
                AuditLog.discard(), 1, Webhook.none());
        AnchorWitness witness = new AnchorWitness(keys.getPrivate(),
                AnchorBook.inDirectory(dir.resolve("keys").resolve("anchors")));
        server = ApprovalServer.start(service, witness, "no-admin", InetAddress.getLoopbackAddress(), 0);
        url = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() throws Exception {
        stopService();
    }

    private void stopService() throws Exception {
        if (server != null) {
            server.close();
            server = null;
        }
        if (store != null) {
            store.close();
            store = null;
        }
    }

    @Test
    void anUntouchedFileVerifiesAgainstTheServicesAnchors() throws Exception {
        runTool(url);

        Verify v = verify("--anchors", url);
        assertThat(v.exit).as(v.out).isZero();
        assertThat(v.out).contains("OK: ", "countersigned heads of chain");
    }

    @Test
    void aRecordEditedWithEveryHashAndTheHeadRecomputedIsBroken() throws Exception {
        runTool(url);
        long records = Files.readAllLines(auditFile).size();

        rewriteWithTheHeldDeleteWrittenOut(records);
        assertThat(verify().exit).as("the unkeyed chain alone is fooled").isZero();

        Verify v = verify("--anchors", url);
        assertThat(v.exit).as(v.out).isEqualTo(1);
        assertThat(v.out).contains("BROKEN", "was rewritten");
    }

    @Test
    void anEmptiedFileWithItsHeadDeletedIsBroken() throws Exception {
        runTool(url);

        Files.writeString(auditFile, "");
        Files.delete(auditFile.resolveSibling("audit.jsonl.head"));
        assertThat(verify().exit).as("the unkeyed chain alone is fooled").isZero();

        Verify v = verify("--anchors", url);
        assertThat(v.exit).as(v.out).isEqualTo(1);
        assertThat(v.out).contains("BROKEN", "is missing");
    }

    @Test
    void anAnchorWhoseSignatureDoesNotVerifyIsRefused() throws Exception {
        runTool(url);
        rewriteWithTheHeldDeleteWrittenOut(Files.readAllLines(auditFile).size());
        // The rewriter also edits the service's anchor file to match the forged chain; it has no signing key.
        Path book;
        try (var files = Files.list(dir.resolve("keys").resolve("anchors"))) {
            book = files.findFirst().orElseThrow();
        }
        List<String> forgedHashes = new ArrayList<>();
        Map<Long, String> bySeq = new HashMap<>();
        for (String line : Files.readAllLines(auditFile)) {
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
            bySeq.put(node.get("seq").asLong(), node.get("hash").asText());
        }
        for (String line : Files.readAllLines(book)) {
            var node = (com.fasterxml.jackson.databind.node.ObjectNode)
                    new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
            node.put("headHash", bySeq.get(node.get("seq").asLong()));
            forgedHashes.add(node.toString());
        }
        Files.write(book, forgedHashes);

        Verify v = verify("--anchors", url);
        assertThat(v.exit).as(v.out).isEqualTo(1);
        assertThat(v.out).contains("REFUSED", "does not verify with the witness's public key");
    }

    @Test
    void withTheServiceDownCallsGoOnAsBeforeAndVerifySaysWhatItCouldNotFetch() throws Exception {
        stopService();

        List<CallAnswer> answers = runTool(url);
        assertThat(answers.get(0).proceeds()).as("a read").isTrue();
        assertThat(answers.get(1).proceeds()).as("a destructive call").isFalse();
        assertThat(answers.get(1).message()).contains("NOT sent", "approval service");
        assertThat(AuditChain.verify(auditFile).records()).isEqualTo(Files.readAllLines(auditFile).size());

        Verify v = verify("--anchors", url);
        assertThat(v.exit).as(v.out).isEqualTo(3);
        assertThat(v.out).contains("NOT CHECKED", "chain itself is intact", "could not fetch the anchors of chain",
                url);
    }

    @Test
    void anchorsOutliveAServiceRestart() throws Exception {
        runTool(url);
        stopService();
        startService();
        rewriteWithTheHeldDeleteWrittenOut(Files.readAllLines(auditFile).size());

        Verify v = verify("--anchors", url);
        assertThat(v.out).contains("BROKEN", "was rewritten");
    }

    /** A tool's session: reads, a held delete (an approval event), more reads; then the JVM's end closes it. */
    private List<CallAnswer> runTool(String serviceUrl) throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put(AirlockConfig.AUDIT_FILE, auditFile.toString());
        settings.put(AirlockConfig.PLAN_DIR, dir.resolve("plans").toString());
        settings.put(AirlockConfig.STATE_DIR, dir.resolve("state").toString());
        settings.put(AirlockConfig.APPROVAL_URL, serviceUrl);
        settings.put(AirlockConfig.APPROVAL_PUBLIC_KEY, dir.resolve("keys").resolve(ServiceKey.PUBLIC_FILE).toString());
        List<CallAnswer> answers = new ArrayList<>();
        try (Engine engine = Engine.start(AirlockConfig.of(settings))) {
            CallGuard guard = engine.guard();
            answers.add(guard.decide("sdk", "S3", "s3", "ListBuckets", "us-east-1", null, Map.of(), null));
            answers.add(guard.decide("sdk", "S3", "s3", "DeleteBucket", "us-east-1", null,
                    Map.of("Bucket", "demo-data"), null));
            answers.add(guard.decide("sdk", "S3", "s3", "GetObject", "us-east-1", null,
                    Map.of("Bucket", "demo-data", "Key", "a"), null));
        }
        return answers;
    }

    /**
     * What a rewriter does: writes the same number of records, the held delete replaced by a read, through the
     * chain's own writer so that every hash and the head are recomputed, and puts it in place of the original.
     */
    private void rewriteWithTheHeldDeleteWrittenOut(long records) throws Exception {
        Path forged = dir.resolve("forged").resolve("audit.jsonl");
        try (AuditLog log = AuditLog.toFile(forged, Requester.ofThisProcess("tool"))) {
            for (long i = 0; i < records; i++) {
                log.record(new dev.airlock.audit.AuditRecord(System.currentTimeMillis(), "s3", "ListBuckets",
                        "s3:ListAllMyBuckets", dev.airlock.call.Classification.READ, "default", "Allow", "PROCEED",
                        null, null, 0, null));
            }
        }
        assertThat(Files.readAllLines(forged)).hasSize((int) records);
        Files.move(forged, auditFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.move(forged.resolveSibling("audit.jsonl.head"), auditFile.resolveSibling("audit.jsonl.head"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private record Verify(int exit, String out) {
    }

    private Verify verify(String... options) {
        List<String> args = new ArrayList<>(List.of("audit", "verify", auditFile.toString()));
        args.addAll(List.of(options));
        PrintStream before = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int exit = AirlockCli.run(args.toArray(String[]::new));
            return new Verify(exit, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(before);
        }
    }
}
