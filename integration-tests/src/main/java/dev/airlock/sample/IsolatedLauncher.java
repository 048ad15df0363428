package dev.airlock.sample;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the tool the way plugin hosts and application servers run code: the SDK and the tool in their own
 * {@link URLClassLoader} whose parent is the platform loader, so nothing on the launcher's own class path (and
 * nothing an agent put there) is visible to the SDK.
 *
 * <p>Usage: {@code IsolatedLauncher CLASSPATH MAIN_CLASS [ARGS...]}, CLASSPATH in the platform's path syntax.
 */
public final class IsolatedLauncher {

    private IsolatedLauncher() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: IsolatedLauncher CLASSPATH MAIN_CLASS [ARGS...]");
            System.exit(2);
            return;
        }
        List<URL> urls = new ArrayList<>();
        for (String entry : args[0].split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        ClassLoader isolated = new URLClassLoader("isolated-tool", urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader());
        Thread.currentThread().setContextClassLoader(isolated);
        Class<?> main = Class.forName(args[1], true, isolated);
        if (main.getClassLoader() != isolated) {
            throw new IllegalStateException(args[1] + " was not loaded in the isolated class loader");
        }
        System.out.println("isolated-launcher: " + whereTheSdkIs(isolated));
        Method entry = main.getMethod("main", String[].class);
        try {
            entry.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }

    /** Says which loader sees the SDK, so a reader of the output can tell the isolation is real. */
    private static String whereTheSdkIs(ClassLoader isolated) {
        String sdkClass = "software.amazon.awssdk.core.SdkClient";
        boolean onAppPath;
        try {
            Class.forName(sdkClass, false, ClassLoader.getSystemClassLoader());
            onAppPath = true;
        } catch (ClassNotFoundException e) {
            onAppPath = false;
        }
        try {
            ClassLoader owner = Class.forName(sdkClass, false, isolated).getClassLoader();
            return "the SDK is loaded by class loader '" + owner.getName() + "'"
                    + (onAppPath ? " and is ALSO on the application class path" : " only");
        } catch (ClassNotFoundException e) {
            return "the SDK is missing from the isolated class path";
        }
    }
}
