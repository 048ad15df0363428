package dev.airlock.process.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Reads the script a shell would run from a file ({@code bash deploy.sh}, {@code ./deploy.sh}, {@code . env.sh}).
 * Bounded: only regular text files up to {@link #MAX_BYTES}; anything else is reported as unreadable.
 */
final class ScriptFiles {

    static final int MAX_BYTES = 512 * 1024;

    private ScriptFiles() {
    }

    /** The file {@code name} names from {@code directory}, or null when it cannot be told where it is. */
    static Path resolve(Path directory, String name) {
        try {
            Path p = Path.of(name);
            if (p.isAbsolute()) {
                return p;
            }
            return directory == null ? null : directory.resolve(p);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /**
     * @return the text, or null when the file is missing, not a regular file, too large or not text
     */
    static String read(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                return null;
            }
            for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
                if (bytes[i] == 0) {
                    return null;
                }
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    /** How far a script Airlock cannot parse is searched for a tool's name. */
    static final int MAX_SCAN_BYTES = 16 * 1024 * 1024;
    private static final java.util.regex.Pattern TOOL_WORD = java.util.regex.Pattern.compile(
            "(?<![A-Za-z0-9_-])(aws|aws2|terraform|tofu|terragrunt|kubectl|oc|cdk|cdktf|pulumi|eksctl|sam|helm|helm3"
                    + "|serverless|sls|aws-nuke|s5cmd|copilot|sst|base64|eval)(?![A-Za-z0-9_-])");

    /**
     * For a script too large or not text to parse: whether it could start a destructive tool. It could when it
     * names one, when it decodes or evaluates text, or when it is too large even to search.
     *
     * @return null when it plainly cannot; else why it could
     */
    static String couldStartATool(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_SCAN_BYTES + 1);
            if (bytes.length > MAX_SCAN_BYTES) {
                return "it is larger than " + (MAX_SCAN_BYTES >> 20) + " MiB";
            }
            java.util.regex.Matcher m = TOOL_WORD.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
            return m.find() ? "it names `" + m.group(1) + "`" : null;
        } catch (IOException | SecurityException e) {
            return "it cannot be read (" + e.getMessage() + ")";
        }
    }

    /** Why {@link #read} gave no text for an existing file: too large or not text; null when it is missing. */
    static String whyUnreadable(Path file) {
        if (file == null || !Files.exists(file)) {
            return null;
        }
        if (!Files.isRegularFile(file)) {
            return "it is not a regular file";
        }
        try {
            return Files.size(file) > MAX_BYTES ? "it is larger than " + (MAX_BYTES / 1024) + " KiB"
                    : "it holds a NUL byte";
        } catch (IOException e) {
            return "it cannot be read";
        }
    }

    /** The interpreter of a {@code #!} line ({@code bash} for {@code #!/usr/bin/env bash}), or null. */
    static String interpreter(String text) {
        if (text == null || !text.startsWith("#!")) {
            return null;
        }
        int eol = text.indexOf('\n');
        String[] parts = text.substring(2, eol < 0 ? text.length() : eol).trim().split("\\s+");
        if (parts.length == 0 || parts[0].isEmpty()) {
            return null;
        }
        String first = Programs.name(parts[0]);
        if (first.equals("env")) {
            for (int i = 1; i < parts.length; i++) {
                if (!parts[i].startsWith("-")) {
                    return Programs.name(parts[i]);
                }
            }
            return null;
        }
        return first;
    }

    /** The first bytes of a file, enough for its {@code #!} line; null when it cannot be read. */
    static String firstLine(Path file) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            return new String(in.readNBytes(512), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | SecurityException e) {
            return null;
        }
    }
}
