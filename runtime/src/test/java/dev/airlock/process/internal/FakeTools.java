package dev.airlock.process.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Stand-ins for aws, terraform, kubectl and the other tools: executables that do nothing but write their name
 * and arguments to a log, one line per run, so a test can tell exactly what really ran.
 */
final class FakeTools {

    static final List<String> NAMES = List.of("aws", "terraform", "tofu", "kubectl", "cdk", "pulumi", "eksctl",
            "sam", "helm");

    final Path bin;
    final Path log;

    private FakeTools(Path bin, Path log) {
        this.bin = bin;
        this.log = log;
    }

    static FakeTools install(Path dir) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("fake-bin"));
        Path log = dir.resolve("ran.log");
        Files.writeString(log, "");
        for (String name : NAMES) {
            Path tool = bin.resolve(name);
            Files.writeString(tool, "#!/bin/sh\n"
                    + "{ printf '%s' \"$(basename \"$0\")\"; for a in \"$@\"; do printf '\\037%s' \"$a\"; done; "
                    + "printf '\\n'; } >> '" + log + "'\n");
            Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return new FakeTools(bin, log);
    }

    /** The PATH a child should get: the fakes first. */
    String path() {
        return bin + ":/usr/local/bin:/usr/bin:/bin";
    }

    /** Every run so far, each as its words (program name first). */
    List<List<String>> runs() throws IOException {
        List<List<String>> runs = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (!line.isEmpty()) {
                runs.add(Arrays.asList(line.split("\u001f", -1)));
            }
        }
        return runs;
    }

    /** The runs of one tool. */
    List<List<String>> runsOf(String name) throws IOException {
        return runs().stream().filter(r -> r.get(0).equals(name)).toList();
    }
}
