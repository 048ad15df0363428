package dev.airlock.agent.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.dynamic.loading.ClassInjector;

/**
 * Byte Buddy's class injector for any class loader, the bootstrap loader included, without
 * {@code sun.misc.Unsafe} (which newer JDKs warn about on the host's standard error) and without opening anything
 * to the application: {@code jdk.internal.misc} is opened, through the {@link Instrumentation}, to the module of
 * one small class ({@link OpenedAccess}) defined in a class loader of its own.
 *
 * <p>Byte Buddy can build such an accessor itself, but it generates the class at run time, which costs the host
 * a noticeable part of a second at start.
 */
public final class PrivateAccess {

    private PrivateAccess() {
    }

    public static ClassInjector.UsingUnsafe.Factory injectors(Instrumentation inst) throws IOException,
            ReflectiveOperationException {
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
        ClassInjector.UsingUnsafe.Factory.AccessResolver resolver =
                (ClassInjector.UsingUnsafe.Factory.AccessResolver) accessor.getConstructor().newInstance();
        ClassInjector.UsingUnsafe.Factory factory = new ClassInjector.UsingUnsafe.Factory(resolver);
        if (!factory.isAvailable()) {
            throw new IllegalStateException("jdk.internal.misc.Unsafe is not usable in this JVM");
        }
        return factory;
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
