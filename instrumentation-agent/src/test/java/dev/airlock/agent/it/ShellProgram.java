package dev.airlock.agent.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An unmodified program that runs shell commands, as AI tools do: each argument is a script for {@code /bin/sh -c},
 * started alternately through {@code ProcessBuilder} and {@code Runtime.exec}. Prints {@code STARTED n exit} or
 * {@code REFUSED n message} for each. With {@code --wait} first, it starts a harmless process, prints
 * {@code READY} and waits for a line on standard input before it runs the scripts.
 */
public final class ShellProgram {

    private ShellProgram() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--wait")) {
            new ProcessBuilder("/bin/sh", "-c", "true").start().waitFor(30, TimeUnit.SECONDS);
            System.out.println("READY");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            args = Arrays.copyOfRange(args, 1, args.length);
        }
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
