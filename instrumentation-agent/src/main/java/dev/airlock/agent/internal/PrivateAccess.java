package dev.airlock.agent.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Set;

/**
 * A {@link ClassDefiner} for any class loader, the bootstrap loader included, without {@code sun.misc.Unsafe}
 * (which newer JDKs warn about on the host's standard error) and without opening anything to the application:
 * {@code jdk.internal.misc} is opened, through the {@link Instrumentation}, to the module of one small class
 * ({@link OpenedAccess}) defined in a class loader of its own.
 *
 * <p>Plain reflection, no generated code: this runs in every JVM the agent starts in, before the host's
 * {@code main}, so it must cost next to nothing.
 */
public final class PrivateAccess {

    private PrivateAccess() {
    }

    public static ClassDefiner definer(Instrumentation inst) throws IOException, ReflectiveOperationException {
        String name = OpenedAccess.class.getName();
        byte[] bytes;
        try (InputStream in = PrivateAccess.class.getClassLoader()
                .getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new IOException("the agent jar lacks " + name);
            }
            bytes = in.readAllBytes();
        }
        Class<?> accessor = new OwnLoader(PrivateAccess.class.getClassLoader()).define(name, bytes);
        Module javaBase = Object.class.getModule();
        inst.redefineModule(javaBase, Set.of(), Map.of(), Map.of("jdk.internal.misc", Set.of(accessor.getModule())),
                Set.of(), Map.of());
        return (ClassDefiner) accessor.getConstructor().newInstance();
    }

    /** Defines the accessor itself instead of delegating, so that it gets a module no other code shares. */
    private static final class OwnLoader extends ClassLoader {

        OwnLoader(ClassLoader parent) {
            super("airlock-access", parent);
        }

        Class<?> define(String name, byte[] bytes) {
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
