package dev.airlock.cli;

import dev.airlock.audit.AuditChain;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code airlock audit verify FILE [--anchors URL|FILE]}. */
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
            description = "Checks the hash chain of an audit file, and with --anchors what a witness "
                    + "countersigned. Exit 0 when intact, 1 when broken or refused, 3 when the anchors could not be "
                    + "fetched.")
    static final class Verify implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @picocli.CommandLine.Option(names = "--anchors", paramLabel = "URL|FILE",
                description = "The witness that countersigned the chain's heads: the approval service's URL (the "
                        + "anchors and its public key are fetched from it), or a file of anchors as JSON lines "
                        + "({seq, headHash, epochMillis, signature}) with --key. A rewrite before the last anchor "
                        + "fails; an anchor whose signature does not verify is refused.")
        String anchors;

        @picocli.CommandLine.Option(names = "--key", paramLabel = "PEM",
                description = "The witness's public key (the service's signing.pub); fetched from the URL if unset.")
        Path key;

        @picocli.CommandLine.Option(names = "--chain", paramLabel = "ID",
                description = "The chain's id at the witness (default HOST:REALPATH of FILE on this machine).")
        String chain;

        @Override
        public Integer call() {
            if (!java.nio.file.Files.isRegularFile(file)) {
                System.out.println("MISSING: there is no audit file at " + file + " (nothing to verify; if one "
                        + "was there, it was removed)");
                return 1;
            }
            AuditChain.Verification v = AuditChain.verify(file);
            if (v.ok() && anchors != null) {
                String id = chain != null ? chain
                        : AuditChain.chainId(dev.airlock.call.Requester.ofThisProcess("airlock-cli").host(), file);
                java.util.List<dev.airlock.audit.AuditAnchor.Anchor> signed;
                try {
                    signed = WitnessAnchors.load(anchors, key, id);
                } catch (WitnessAnchors.Unreachable e) {
                    System.out.println("NOT CHECKED: the chain itself is intact (" + v.records() + " records), but "
                            + e.getMessage() + ": " + file);
                    return 3;
                } catch (WitnessAnchors.Refused e) {
                    System.out.println("REFUSED: " + e.getMessage());
                    return 1;
                }
                v = AuditChain.verify(file, signed);
                if (v.ok()) {
                    System.out.println(signed.isEmpty()
                            ? "note: the witness holds no anchor of chain " + id + "; only the chain is checked"
                            : "anchors: " + signed.size() + " countersigned heads of chain " + id + " match, the "
                                    + "last at record seq " + signed.get(signed.size() - 1).seq());
                }
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
    }
}
