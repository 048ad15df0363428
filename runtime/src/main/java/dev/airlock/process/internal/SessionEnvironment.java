package dev.airlock.process.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * A per-action session as a child process receives it: the {@code AWS_*} variables every AWS CLI and SDK reads
 * first. The sessions themselves come from the credentials gate; until it issues them this is never called.
 */
public final class SessionEnvironment {

    private SessionEnvironment() {
    }

    /** @param credentials {@code accessKeyId}, {@code secretAccessKey}, {@code sessionToken}, {@code expiration} */
    public static Map<String, String> of(Map<String, String> credentials) {
        Map<String, String> env = new HashMap<>();
        put(env, "AWS_ACCESS_KEY_ID", credentials.get("accessKeyId"));
        put(env, "AWS_SECRET_ACCESS_KEY", credentials.get("secretAccessKey"));
        put(env, "AWS_SESSION_TOKEN", credentials.get("sessionToken"));
        put(env, "AWS_CREDENTIAL_EXPIRATION", credentials.get("expiration"));
        return env;
    }

    private static void put(Map<String, String> env, String name, String value) {
        if (value != null) {
            env.put(name, value);
        }
    }
}
