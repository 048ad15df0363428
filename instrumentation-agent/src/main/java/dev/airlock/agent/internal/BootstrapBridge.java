package dev.airlock.agent.internal;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.util.jar.JarFile;
import net.bytebuddy.dynamic.loading.ClassInjector;

/**
 * Puts the bridge classes in the bootstrap class loader, where every class loader finds the same ones: the SDK's
 * (whatever loader the application put it in) and the runtime's.
 *
 * <p>Defined there directly rather than by appending a jar to the bootstrap search path: appending makes HotSpot
 * print a warning on the host's standard error and stop sharing its archived classes with the application's
 * class loaders. The search path remains the fallback where direct definition is not possible.
 */
final class BootstrapBridge {

    private BootstrapBridge() {
    }

    static void install(Instrumentation inst, ClassInjector.UsingUnsafe.Factory injectors, RuntimeJar runtime)
            throws IOException {
        if (injectors != null) {
            try {
                injectors.make(null).injectRaw(runtime.bridgeClasses());
                return;
            } catch (RuntimeException | LinkageError e) {
                // the search path below
            }
        }
        inst.appendToBootstrapClassLoaderSearch(new JarFile(runtime.bridgeJar().toFile()));
    }
}
