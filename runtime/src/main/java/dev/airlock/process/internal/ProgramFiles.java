package dev.airlock.process.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Programs as files: where a name is found on the child's PATH, and what the file is, whatever it is called. A
 * symlink is followed to its target; a copy of the aws CLI is known by its content (the Python entry point of
 * CLI v1) or its installer layout (v2), so that {@code cp $(which aws) ./x; ./x s3 rb ...} is still aws.
 */
final class ProgramFiles {

    /** Commands the shell runs itself: never looked up on the PATH. */
    private static final Set<String> BUILTINS = Set.of("echo", "printf", "cd", "test", "[", "true", "false",
            "export", "set", "unset", "read", "local", "exit", "return", "shift", "wait", "trap", "readonly",
            "declare", "typeset", "alias", "unalias", "type", "hash", "umask", "ulimit", "getopts", "let", "pwd",
            ":", "break", "continue", "jobs", "fg", "bg", "kill", "times", "shopt", "pushd", "popd", "dirs");
    private static final int HEAD_BYTES = 64 * 1024;

    /** What a program file is. */
    enum Kind { MISSING, BINARY, SHEBANG, SHELL_TEXT }

    private ProgramFiles() {
    }

    /**
     * The file the child would run for {@code program}: a path as given (from {@code dir}), a bare name through
     * the PATH of {@code env} as {@code execvp} looks it up. Null for builtins and names not found.
     */
    static Path locate(String program, Env env, Path dir) {
        if (program == null || program.isEmpty() || BUILTINS.contains(program)) {
            return null;
        }
        if (program.contains("/")) {
            Path p = ScriptFiles.resolve(dir, program);
            return p != null && Files.isRegularFile(p) ? p : null;
        }
        String path = env.get("PATH");
        if (path == null) {
            path = env.isUnknown("PATH") ? null : "/usr/local/bin:/usr/bin:/bin";
        }
        if (path == null) {
            return null;
        }
        for (String entry : path.split(":", -1)) {
            try {
                Path base = entry.isEmpty() ? dir : ScriptFiles.resolve(dir, entry);
                if (base == null) {
                    continue;
                }
                Path candidate = base.resolve(program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            } catch (InvalidPathException | SecurityException e) {
                // not a place a program can be found
            }
        }
        return null;
    }

    static Kind kind(Path file) {
        byte[] head = head(file, 4);
        if (head == null) {
            return Kind.MISSING;
        }
        if (head.length >= 2 && head[0] == '#' && head[1] == '!') {
            return Kind.SHEBANG;
        }
        if (head.length >= 4 && ((head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F')
                || (head[0] & 0xff) == 0xcf || (head[0] & 0xff) == 0xfe || (head[0] & 0xff) == 0xca
                || (head[0] == 'M' && head[1] == 'Z'))) {
            return Kind.BINARY;
        }
        // The JDK, like execvp, runs an executable text file without #! with /bin/sh.
        return Kind.SHELL_TEXT;
    }

    /**
     * The recognised tool a program file is, by what it is rather than by its name: the name of its symlink
     * target, else the aws CLI's signature. Null when it is none of them.
     */
    static String identify(Path file) {
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException | SecurityException e) {
            return null;
        }
        String name = Programs.name(real.getFileName().toString());
        if (Tools.named(name) != null) {
            return name;
        }
        if (isAwsCliV2(real)) {
            return "aws";
        }
        byte[] head = head(real, HEAD_BYTES);
        if (head != null && head.length > 2 && head[0] == '#' && head[1] == '!') {
            String text = new String(head, StandardCharsets.ISO_8859_1);
            if (text.contains("awscli.clidriver") || text.contains("from awscli")) {
                return "aws";
            }
        }
        return null;
    }

    /** The v2 installer's layout: {@code .../aws-cli/v2/<version>/dist/aws}, with {@code aws_completer} beside it. */
    private static boolean isAwsCliV2(Path real) {
        Path parent = real.getParent();
        if (parent == null) {
            return false;
        }
        return Files.isRegularFile(parent.resolve("aws_completer"))
                && (Files.isDirectory(parent.resolve("awscli")) || real.toString().contains("/aws-cli/v2/"));
    }

    private static byte[] head(Path file, int n) {
        if (file == null) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return null;
        }
    }
}
