package dev.airlock.engine;

import dev.airlock.config.ConfigException;
import dev.airlock.policy.Policy;
import dev.airlock.policy.PolicyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The policy file as read once at start, with the SHA-256 of the very bytes parsed. Child JVMs get that digest
 * ({@code policy.sha256}): a policy file edited while the tool runs is refused there, so a change takes effect
 * only through a deliberate path, never by the guarded process rewriting the file.
 *
 * @param policy the parsed policy
 * @param sha256 the file's digest in lower-case hex; null for the built-in default policy
 */
record PinnedPolicy(Policy policy, String sha256) {

    static PinnedPolicy read(Path file, String pinned) throws ConfigException {
        if (file == null) {
            return new PinnedPolicy(Policy.builtInDefault(), null);
        }
        byte[] bytes;
        try {
            bytes = dev.airlock.config.FilesAtStart.read(file);
        } catch (IOException e) {
            // The parser names the problem (missing file, not readable) the way users know it.
            return new PinnedPolicy(Engine.loadPolicy(file), null);
        }
        String digest = sha256(bytes);
        if (pinned != null && !pinned.equals(digest)) {
            throw new ConfigException("policy: " + file + " is not the policy this JVM was started with (its "
                    + "SHA-256 is " + digest + ", pinned " + pinned + "): it was changed after the parent JVM "
                    + "started. A child JVM runs under its parent's policy; a new policy takes effect when a human "
                    + "restarts the tool with it");
        }
        try {
            return new PinnedPolicy(Policy.parse(new String(bytes, StandardCharsets.UTF_8), file.toString()),
                    digest);
        } catch (PolicyException e) {
            throw new ConfigException("policy: " + e.getMessage(), e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
