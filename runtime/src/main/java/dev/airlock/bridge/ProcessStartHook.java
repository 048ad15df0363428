package dev.airlock.bridge;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Called by the agent at the start of {@code ProcessBuilder.start(Redirect[])}, the private method that
 * {@code start()}, {@code startPipeline} and {@code Runtime.exec} all end in. It runs inside
 * {@code java.lang.ProcessBuilder}, so it may use only {@code java.*} and bridge types.
 *
 * <p>A stopped process never starts: the caller gets an {@link IOException} with the guard's message, as for a
 * program that cannot be run.
 */
public final class ProcessStartHook {

    private static final long START_WAIT_SECONDS = 120;

    private ProcessStartHook() {
    }

    /**
     * @param processBuilder the {@code ProcessBuilder} about to start a process
     * @param redirects its redirects (unused)
     */
    public static void beforeStart(Object processBuilder, Object redirects) throws IOException {
        ProcessStartGuard guard = AirlockBridge.processGuard();
        if (guard == null) {
            // A process started while Airlock is still starting beside the host waits for its guard.
            AirlockBridge.awaitStart(START_WAIT_SECONDS);
            guard = AirlockBridge.processGuard();
            if (guard == null) {
                return;
            }
        }
        ProcessBuilder builder = (ProcessBuilder) processBuilder;
        List<String> command = builder.command();
        ProcessAnswer answer;
        try {
            Map<String, String> environment = builder.environment();
            File directory = builder.directory();
            answer = guard.check(command, environment, directory == null ? null : directory.getPath());
        } catch (Throwable t) {
            throw new IOException(Refusal.processDenied(String.valueOf(command), "Airlock could not check it ("
                    + t + "), and what Airlock cannot check fails closed", Refusal.REPORT_ERROR));
        }
        if (!answer.proceeds()) {
            throw new IOException(answer.message());
        }
        if (!answer.environment().isEmpty()) {
            builder.environment().putAll(answer.environment());
        }
        if (answer.command() != null) {
            builder.command(new ArrayList<>(answer.command()));
        }
    }
}
