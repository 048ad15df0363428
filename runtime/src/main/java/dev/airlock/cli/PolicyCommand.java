package dev.airlock.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.airlock.credentials.RecordedCalls;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code airlock policy generate AUDITFILE}. */
@Command(name = "policy", mixinStandardHelpOptions = true, description = "Works with IAM policies.",
        subcommands = PolicyCommand.Generate.class)
final class PolicyCommand implements Runnable {

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Prints the least-privilege IAM policy the calls recorded in an audit file needed: their "
                    + "IAM actions on the resources they touched. Calls Airlock stopped are left out.")
    static final class Generate implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "AUDITFILE")
        Path file;

        @Option(names = "--include-stopped", description = "Also the calls that were held, denied or rehearsed.")
        boolean includeStopped;

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no audit file at " + file);
            }
            ObjectMapper json = new ObjectMapper();
            RecordedCalls calls = new RecordedCalls();
            int line = 0;
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String text = in.readLine(); text != null; text = in.readLine()) {
                    line++;
                    if (text.isBlank()) {
                        continue;
                    }
                    JsonNode record;
                    try {
                        record = json.readTree(text);
                    } catch (Exception e) {
                        throw new IllegalArgumentException(file + " line " + line + " is not an audit record: "
                                + e.getMessage());
                    }
                    calls.add(record, includeStopped);
                }
            }
            System.out.println(json.enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(calls.policy()));
            return 0;
        }
    }
}
