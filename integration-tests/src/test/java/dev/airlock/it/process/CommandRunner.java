package dev.airlock.it.process;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The guarded program of {@link ProcessSideDoorsIT}: it starts each command of a table the way a Java AI tool
 * does ({@code ProcessBuilder}, standard input written through the {@code Process} stream) and writes what
 * happened. Only {@code java.*}, so that it runs on a bare class path.
 *
 * <p>Input lines: {@code id TAB directory TAB base64(argv, NUL-separated) TAB base64(stdin) or -}. Output lines:
 * {@code id TAB STOPPED|EXIT n|TIMEOUT TAB base64(message or stderr)}.
 */
public final class CommandRunner {

    private CommandRunner() {
    }

    public static void main(String[] args) throws Exception {
        Path rows = Path.of(args[0]);
        Path results = Path.of(args[1]);
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(rows, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            out.add(f[0] + "\t" + run(Path.of(f[1]), decode(f[2]), f[3].equals("-") ? null : decode(f[3])));
            Files.write(results, out, StandardCharsets.UTF_8);
        }
        Files.write(results, out, StandardCharsets.UTF_8);
    }

    private static String run(Path dir, String argv, String stdin) throws InterruptedException {
        List<String> command = Arrays.asList(argv.split("\0", -1));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        Path err = dir.resolve("stderr.txt");
        pb.redirectError(err.toFile()).redirectOutput(dir.resolve("stdout.txt").toFile());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return "STOPPED\t" + encode(String.valueOf(e.getMessage()));
        }
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the child closed its input early: what it read is what it got
        }
        if (!p.waitFor(40, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            return "TIMEOUT\t" + encode(read(err));
        }
        return "EXIT " + p.exitValue() + "\t" + encode(read(err));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }

    private static String decode(String b64) {
        return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
