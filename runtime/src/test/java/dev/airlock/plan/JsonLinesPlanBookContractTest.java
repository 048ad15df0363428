package dev.airlock.plan;

import java.nio.file.Files;
import java.nio.file.Path;

/** The embedded default: JSON lines in {@code plan.dir}, with a text summary beside them. */
class JsonLinesPlanBookContractTest extends PlanBookContract {

    @Override
    protected PlanBook open() throws Exception {
        return PlanBook.inDirectory(Files.createTempDirectory("airlock-plans-contract"));
    }

    @Override
    protected String kept() throws Exception {
        Path file = book.file();
        Path summary = file.resolveSibling(file.getFileName().toString().replace(".jsonl", ".txt"));
        return Files.readString(file) + (Files.exists(summary) ? Files.readString(summary) : "");
    }
}
