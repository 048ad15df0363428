package dev.airlock.agent.it;

import java.util.function.Supplier;

/** One line per call of the matrix programs: {@code NAME SENT}, {@code NAME HELD message}, {@code NAME FAILED ...}. */
final class Outcome {

    private Outcome() {
    }

    static void report(String what, Supplier<?> call) {
        String result;
        try {
            call.get();
            result = "SENT";
        } catch (RuntimeException e) {
            Throwable t = e;
            while (t.getCause() != null && !t.getClass().getSimpleName().startsWith("AirlockHeld")
                    && !t.getClass().getSimpleName().startsWith("AirlockDenied")
                    && !(t instanceof IllegalStateException)) {
                t = t.getCause();
            }
            String type = t.getClass().getSimpleName();
            result = (type.startsWith("AirlockHeld") ? "HELD " : type.startsWith("AirlockDenied") ? "DENIED "
                    : "FAILED " + t.getClass().getName() + " ") + t.getMessage();
        }
        System.out.println(what + " " + result);
        System.out.flush();
    }
}
