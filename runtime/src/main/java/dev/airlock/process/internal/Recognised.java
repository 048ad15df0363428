package dev.airlock.process.internal;

import dev.airlock.call.Call;

/**
 * A call a command would make, as the engine decides it.
 *
 * @param call what it does, in the engine's terms
 * @param command the unwrapped command line it came from, for messages
 * @param plan what would go, when Airlock could find out before the command runs; else null
 */
public record Recognised(Call call, String command, String plan) {
}
