package dev.airlock.agent.internal;

import java.lang.reflect.AccessibleObject;
import net.bytebuddy.dynamic.loading.ClassInjector;

/**
 * Makes {@code jdk.internal.misc.Unsafe}'s class definition usable for Byte Buddy's injector. Loaded only by
 * {@link PrivateAccess}, in a class loader of its own, whose module alone the JDK package is opened to.
 */
public final class OpenedAccess implements ClassInjector.UsingUnsafe.Factory.AccessResolver {

    @Override
    public void apply(AccessibleObject accessibleObject) {
        accessibleObject.setAccessible(true);
    }
}
