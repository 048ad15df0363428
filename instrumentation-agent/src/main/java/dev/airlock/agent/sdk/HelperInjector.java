package dev.airlock.agent.sdk;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.dynamic.loading.ClassInjector;

/**
 * Defines the SDK hook classes in each class loader that holds the SDK, once per loader, before the advice that
 * calls them is applied there. The hook then links against that loader's SDK, whether the application put the
 * SDK on the class path or in a loader of its own.
 */
final class HelperInjector {

    private final ClassInjector.UsingUnsafe.Factory injectors;
    private final Map<String, byte[]> classes;
    private final String entryPoint;
    private final Map<ClassLoader, Boolean> prepared = Collections.synchronizedMap(new WeakHashMap<>());

    HelperInjector(ClassInjector.UsingUnsafe.Factory injectors, Map<String, byte[]> classes, String entryPoint) {
        this.injectors = injectors;
        this.classes = classes;
        this.entryPoint = entryPoint;
    }

    /** True when the hook classes are usable in {@code loader}; false leaves that loader's SDK untouched. */
    boolean prepare(ClassLoader loader) {
        if (loader == null) {
            System.err.println("[airlock] ERROR: the AWS SDK is on the bootstrap class path, which Airlock does "
                    + "not support, so its calls are NOT guarded");
            return false;
        }
        Boolean done = prepared.get(loader);
        if (done != null) {
            return done;
        }
        // One loader at a time, under its own lock: defining classes in one loader never waits on another's.
        synchronized (loader) {
            done = prepared.get(loader);
            if (done == null) {
                done = inject(loader);
                prepared.put(loader, done);
            }
            return done;
        }
    }

    private boolean inject(ClassLoader loader) {
        try {
            injectors.make(loader).injectRaw(classes);
            // Links the entry point now, so that a problem shows here and never in the middle of an SDK call.
            Class.forName(entryPoint, true, loader);
            return true;
        } catch (Throwable t) {
            System.err.println("[airlock] ERROR: could not prepare " + loader + " for Airlock, so the AWS SDK "
                    + "calls made through it are NOT guarded: " + t);
            return false;
        }
    }
}
