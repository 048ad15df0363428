package dev.airlock.agent.it;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An unmodified program that starts another JVM, as a build tool or an AI tool running {@code java ...} does.
 * Arguments: {@code direct} (start {@code java} itself) or {@code shell} (through {@code /bin/sh -c}), then the
 * child's main class and arguments. The child shares this JVM's class path and output.
 */
public final class JavaLauncher {

    private JavaLauncher() {
    }

    public static void main(String[] args) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> child = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
        child.addAll(List.of(args).subList(1, args.length));
        List<String> command = args[0].equals("direct") ? child
                : List.of("/bin/sh", "-c", String.join(" ", child.stream().map(a -> "'" + a + "'").toList()));
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        System.out.println("CHILD EXITED " + p.exitValue());
    }
}
