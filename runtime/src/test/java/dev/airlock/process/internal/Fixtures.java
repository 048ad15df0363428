package dev.airlock.process.internal;

import dev.airlock.call.Requester;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Shared helpers: a tool context on the test catalog, and short ways to read a command. */
final class Fixtures {

    static final ToolContext TOOLS = new ToolContext(new TestCatalog(),
            new Requester("dev", "host", 1, "test-tool", null), "123456789012", null);
    static final Env ENV = Env.of(Map.of("HOME", "/home/dev", "PATH", "/usr/bin:/bin"));
    static final Path DIR = Path.of("/work/project");

    private Fixtures() {
    }

    static List<Recognised> calls(List<String> argv) {
        return CommandReader.read(argv, ENV, DIR, TOOLS).calls();
    }

    static List<Recognised> script(String script) {
        return calls(List.of("/bin/sh", "-c", script));
    }

    /** Each call as {@code action CLASSIFICATION}. */
    static List<String> summary(List<Recognised> calls) {
        List<String> out = new ArrayList<>();
        for (Recognised r : calls) {
            out.add(r.call().action() + " " + r.call().classification());
        }
        return out;
    }
}
