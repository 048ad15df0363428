package dev.airlock.agent.it;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An unmodified program that runs shell commands, as AI tools do: each argument is a script for {@code /bin/sh -c},
 * started alternately through {@code ProcessBuilder} and {@code Runtime.exec}. Prints {@code STARTED n exit} or
 * {@code REFUSED n message} for each.
 */
public final class ShellProgram {

    private ShellProgram() {
    }

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < args.length; i++) {
            String[] command = {"/bin/sh", "-c", args[i]};
            try {
                Process p = i % 2 == 0 ? new ProcessBuilder(List.of(command)).inheritIO().start()
                        : Runtime.getRuntime().exec(command);
                p.getOutputStream().close();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
                System.out.println("STARTED " + i + " " + p.exitValue());
            } catch (IOException e) {
                System.out.println("REFUSED " + i + " " + e.getMessage());
            }
            System.out.flush();
        }
        System.out.println("DONE");
    }
}
