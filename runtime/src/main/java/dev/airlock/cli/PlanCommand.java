package dev.airlock.cli;

import dev.airlock.plan.RecordedPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code airlock plan FILE [--json]}: a dry run's recorded plan, as a table or as JSON. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Renders a dry-run plan (plan-*.jsonl): what would have been destroyed, by which tool, in "
                + "what order, and how much of it.")
final class PlanCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "A plan file written in dry-run mode.")
    Path file;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            System.err.println("airlock: no plan file at " + file + " (dry-run plans are written under plan.dir, "
                    + "by default ~/.airlock/plans)");
            return 2;
        }
        RecordedPlan plan = RecordedPlan.read(file);
        System.out.print(json ? plan.json() + "\n" : plan.table());
        return plan.steps().isEmpty() && !plan.unreadable().isEmpty() ? 2 : 0;
    }
}
