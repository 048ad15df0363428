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

        @Override
        public Integer call() {
            AuditChain.Verification v = AuditChain.verify(file);
            if (v.ok()) {
                System.out.println("OK: " + v.records() + " records, chain intact: " + file);
                if (v.fault() != null) {
                    // A write cut off by a crash never joined the chain; it is reported, not counted as tampering.
                    System.out.println("note: line " + v.brokenLine() + ": " + v.fault());
                }
                return 0;
            }
            System.out.println("BROKEN at line " + v.brokenLine() + ": " + v.fault() + " (" + v.records()
                    + " records checked): " + file);
            return 1;
        }
    }
}
