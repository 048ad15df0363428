package dev.airlock.process.internal.shim;

import java.util.Map;

/** The engine's answer to a shim: run the real tool (with these variables set), or not, and why. */
public record ShimAnswer(boolean proceeds, Map<String, String> environment, String message) {

    public ShimAnswer {
        environment = environment == null ? Map.of() : Map.copyOf(environment);
    }

    public static ShimAnswer proceed(Map<String, String> environment) {
        return new ShimAnswer(true, environment, null);
    }

    public static ShimAnswer stop(String message) {
        return new ShimAnswer(false, Map.of(), message);
    }
}
