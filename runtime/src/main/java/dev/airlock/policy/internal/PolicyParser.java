package dev.airlock.policy.internal;

import dev.airlock.policy.Policy;
import dev.airlock.policy.PolicyException;
import java.nio.file.Path;

/** PLACEHOLDER. */
public final class PolicyParser {

    public static Policy parse(Path file) throws PolicyException {
        throw new PolicyException(file.toString(), 0, "policy files are not supported yet");
    }

    public static Policy parse(String text, String source) throws PolicyException {
        throw new PolicyException(source, 0, "policy files are not supported yet");
    }
}
