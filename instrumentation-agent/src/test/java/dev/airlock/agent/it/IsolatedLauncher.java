package dev.airlock.agent.it;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs {@link S3Program} the way a plugin host would: the SDK and the program in a {@link URLClassLoader} of
 * their own whose parent is the platform class loader, so nothing of them is on the system class path.
 *
 * <p>Arguments: a file listing the loader's class path (one path separator separated line), then the program's
 * arguments.
 */
public final class IsolatedLauncher {

    private IsolatedLauncher() {
    }

    public static void main(String[] args) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : Files.readString(Path.of(args[0])).trim().split(java.io.File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        try (URLClassLoader loader = new URLClassLoader("isolated-sdk", urls.toArray(new URL[0]),
                ClassLoader.getPlatformClassLoader())) {
            Class<?> program = loader.loadClass(S3Program.class.getName());
            if (program.getClassLoader() != loader) {
                throw new IllegalStateException("the program was not loaded in the isolated loader");
            }
            Thread.currentThread().setContextClassLoader(loader);
            program.getMethod("main", String[].class)
                    .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        }
    }
}
