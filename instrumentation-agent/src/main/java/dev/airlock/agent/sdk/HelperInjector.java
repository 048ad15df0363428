package dev.airlock.agent.sdk;

import java.lang.instrument.Instrumentation;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.dynamic.loading.ClassInjector;

/**
 * Defines the SDK hook classes in each class loader that holds the SDK, once per loader, before the advice that
 * calls them is applied there. The hook then links against that loader's SDK, whether the application put the
 * SDK on the class path or in a loader of its own.
 *
 * <p>Byte Buddy's reflective injector first; where the JVM does not allow it (newer JDKs deny the internals it
 * uses), its injector through {@code jdk.internal.misc.Unsafe}, opened with the {@link Instrumentation} to a
 * module of Byte Buddy's own, not to the application.
 */
final class HelperInjector {

    private final Map<String, byte[]> classes;
    private final String entryPoint;
    private final Instrumentation inst;
    private final Map<ClassLoader, Boolean> prepared = Collections.synchronizedMap(new WeakHashMap<>());
    private ClassInjector.UsingUnsafe.Factory unsafe;

    HelperInjector(Map<String, byte[]> classes, String entryPoint, Instrumentation inst) {
        this.classes = classes;
        this.entryPoint = entryPoint;
        this.inst = inst;
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
        synchronized (this) {
            done = prepared.get(loader);
            if (done == null) {
                done = inject(loader);
                prepared.put(loader, done);
            }
            return done;
        }
    }

    private boolean inject(ClassLoader loader) {
        Throwable failure;
        try {
            if (ClassInjector.UsingReflection.isAvailable()) {
                new ClassInjector.UsingReflection(loader).injectRaw(classes);
                return linked(loader);
            }
            failure = null;
        } catch (Throwable t) {
            failure = t;
        }
        try {
            unsafe().make(loader).injectRaw(classes);
            return linked(loader);
        } catch (Throwable t) {
            if (failure != null) {
                t.addSuppressed(failure);
            }
            System.err.println("[airlock] ERROR: could not prepare " + loader + " for Airlock, so the AWS SDK "
                    + "calls made through it are NOT guarded: " + t);
            return false;
        }
    }

    /** Links the entry point now, so that a problem shows here and never in the middle of an SDK call. */
    private boolean linked(ClassLoader loader) throws ClassNotFoundException {
        Class.forName(entryPoint, true, loader);
        return true;
    }

    private ClassInjector.UsingUnsafe.Factory unsafe() {
        if (unsafe == null) {
            unsafe = ClassInjector.UsingUnsafe.Factory.resolve(inst);
        }
        return unsafe;
    }
}
