package dev.airlock.agent.process;

import dev.airlock.bridge.AirlockBridge;
import dev.airlock.bridge.ProcessAnswer;
import dev.airlock.bridge.ProcessGate;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the start of {@code ProcessBuilder.start(Redirect[])}, the private method that {@code start()},
 * {@code startPipeline} and {@code Runtime.exec} all end in. Never loaded as a class: Byte Buddy copies its code
 * into {@code java.lang.ProcessBuilder}, where only {@code java.*} and the bridge (defined in the bootstrap class
 * loader) can be reached.
 *
 * <p>A stopped process never starts: the caller gets an {@link IOException} with the gate's message, as for a
 * program that cannot be run.
 */
public final class ProcessStartAdvice {

    private ProcessStartAdvice() {
    }

    @Advice.OnMethodEnter
    public static void enter(@Advice.This ProcessBuilder builder,
                             @Advice.FieldValue("command") List<String> command,
                             @Advice.FieldValue("environment") Map<String, String> environment,
                             @Advice.FieldValue("directory") File directory) throws IOException {
        ProcessGate gate = AirlockBridge.processGate();
        if (gate == null) {
            return;
        }
        ProcessAnswer answer;
        try {
            answer = gate.check(command, environment != null ? environment : System.getenv(),
                    directory == null ? null : directory.getPath());
        } catch (Throwable t) {
            throw new IOException("Airlock denied starting " + command + ": the process was NOT started. Why: "
                    + "Airlock could not check it (" + t + "), and what Airlock cannot check fails closed. Next: "
                    + "report this error to the human you work for; do not retry.");
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
