package dev.airlock.agent.sdk;

import dev.airlock.agent.internal.ClassDefiner;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Defines the SDK hook classes in each class loader that holds the SDK, once per loader, before the hook that
 * calls them is added there. The hook then links against that loader's SDK, whether the application put the
 * SDK on the class path or in a loader of its own.
 */
final class HelperInjector {

    private final ClassDefiner definer;
    private final Map<String, byte[]> classes;
    private final String entryPoint;
    private final ClassLoader runtimeLoader;
    private final Map<ClassLoader, Boolean> prepared = Collections.synchronizedMap(new WeakHashMap<>());
    private final Map<ClassLoader, String> problems = Collections.synchronizedMap(new WeakHashMap<>());

    /** @param runtimeLoader the runtime's own class loader, which is never prepared */
    HelperInjector(ClassDefiner definer, Map<String, byte[]> classes, String entryPoint, ClassLoader runtimeLoader) {
        this.definer = definer;
        this.runtimeLoader = runtimeLoader;
        this.classes = classes;
        this.entryPoint = entryPoint;
    }

    /** True when the hook classes are usable in {@code loader}; false leaves that loader's SDK untouched. */
    boolean prepare(ClassLoader loader) {
        if (loader == runtimeLoader) {
            return false;
        }
        if (loader == null) {
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

    /** Why {@link #prepare} gave false for {@code loader}. */
    String problem(ClassLoader loader) {
        if (loader == null) {
            return "the AWS SDK is on the bootstrap class path, which Airlock does not support";
        }
        String problem = problems.get(loader);
        return problem != null ? problem : "its hooks could not be defined there";
    }

    private boolean inject(ClassLoader loader) {
        try {
            definer.defineAll(loader, classes);
            // Links the entry point now, so that a problem shows here and never in the middle of an SDK call.
            Class.forName(entryPoint, true, loader);
            return true;
        } catch (Throwable t) {
            problems.put(loader, "its hooks could not be defined there: " + t);
            return false;
        }
    }
}
