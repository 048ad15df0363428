package dev.airlock.cli;

import dev.airlock.audit.AuditChain;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code airlock audit verify FILE}. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Works with audit trails.",
        subcommands = AuditCommand.Verify.class)
final class AuditCommand implements Runnable {

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Checks the hash chain of an audit file. Exit 0 when intact, 1 when broken.")
    static final class Verify implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @picocli.CommandLine.Option(names = "--anchors", paramLabel = "ANCHORS",
                description = "JSON lines of countersigned heads ({seq, headHash, epochMillis, signature}), as a "
                        + "witness such as the approval service exports them: a rewrite before the last one fails.")
        Path anchors;

        @Override
        public Integer call() {
            if (!java.nio.file.Files.isRegularFile(file)) {
                System.out.println("MISSING: there is no audit file at " + file + " (nothing to verify; if one "
                        + "was there, it was removed)");
                return 1;
            }
            AuditChain.Verification v;
            try {
                v = anchors == null ? AuditChain.verify(file) : AuditChain.verify(file, readAnchors(anchors));
            } catch (java.io.IOException e) {
                System.out.println("cannot read the anchors " + anchors + ": " + e.getMessage());
                return 1;
            }
            if (v.ok()) {
                System.out.println("OK: " + v.records() + " records, chain intact: " + file);
                if (v.fault() != null) {
                    // A write cut off by a crash never joined the chain; it is reported, not counted as tampering.
                    System.out.println("note: line " + v.brokenLine() + ": " + v.fault());
                }
                return 0;
            }
            System.out.println("BROKEN" + (v.brokenLine() > 0 ? " at line " + v.brokenLine() : "") + ": " + v.fault()
                    + " (" + v.records() + " records checked): " + file);
            return 1;
        }

        private static java.util.List<dev.airlock.audit.AuditAnchor.Anchor> readAnchors(Path file)
                throws java.io.IOException {
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            java.util.List<dev.airlock.audit.AuditAnchor.Anchor> out = new java.util.ArrayList<>();
            for (String line : java.nio.file.Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    out.add(json.readValue(line, dev.airlock.audit.AuditAnchor.Anchor.class));
                }
            }
            return out;
        }
    }
}
