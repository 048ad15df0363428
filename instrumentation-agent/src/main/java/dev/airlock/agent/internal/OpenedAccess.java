package dev.airlock.agent.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.ProtectionDomain;

/**
 * Defines classes through {@code jdk.internal.misc.Unsafe}, which defines a class in any class loader, the
 * bootstrap loader included. Loaded only by {@link PrivateAccess}, in a class loader of its own, whose module
 * alone the JDK package is opened to: the reflective access below is allowed for this class and no other.
 */
public final class OpenedAccess implements ClassDefiner {

    private final Object unsafe;
    private final Method defineClass;

    public OpenedAccess() throws ReflectiveOperationException {
        Class<?> type = Class.forName("jdk.internal.misc.Unsafe");
        Method getUnsafe = type.getMethod("getUnsafe");
        getUnsafe.setAccessible(true);
        this.unsafe = getUnsafe.invoke(null);
        this.defineClass = type.getMethod("defineClass", String.class, byte[].class, int.class, int.class,
                ClassLoader.class, ProtectionDomain.class);
        this.defineClass.setAccessible(true);
    }

    @Override
    public Class<?> define(ClassLoader loader, String name, byte[] bytes) {
        try {
            return (Class<?>) defineClass.invoke(unsafe, name, bytes, 0, bytes.length, loader, null);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException("defining " + name, cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("defining " + name, e);
        }
    }
}
