package dev.airlock.agent.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Defines classes in a given class loader, the bootstrap loader ({@code null}) included: the bridge classes in
 * the bootstrap loader, the SDK hooks in each loader that holds the SDK.
 */
public interface ClassDefiner {

    /** Defines one class in {@code loader}; its supertypes must already be visible there. */
    Class<?> define(ClassLoader loader, String name, byte[] bytes);

    /**
     * Defines, by binary name, each of {@code classes} that {@code loader} does not see yet, and leaves the
     * others as they are. A class whose supertype is another of these waits for that one to be defined first.
     *
     * @throws LinkageError when some class cannot be defined
     */
    default void defineAll(ClassLoader loader, Map<String, byte[]> classes) {
        List<String> pending = new ArrayList<>();
        for (String name : classes.keySet()) {
            if (!visible(loader, name)) {
                pending.add(name);
            }
        }
        while (!pending.isEmpty()) {
            LinkageError last = null;
            List<String> waiting = new ArrayList<>();
            for (String name : pending) {
                try {
                    define(loader, name, classes.get(name));
                } catch (NoClassDefFoundError e) {
                    waiting.add(name); // a supertype among the others, not defined yet
                    last = e;
                }
            }
            if (waiting.size() == pending.size()) {
                throw last;
            }
            pending = waiting;
        }
    }

    private static boolean visible(ClassLoader loader, String name) {
        try {
            Class.forName(name, false, loader);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
