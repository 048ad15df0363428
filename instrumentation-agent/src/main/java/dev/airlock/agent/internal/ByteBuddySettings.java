package dev.airlock.agent.internal;

import net.bytebuddy.dynamic.Nexus;
import net.bytebuddy.dynamic.loading.ClassInjector;

/**
 * Keeps Airlock's Byte Buddy away from {@code sun.misc.Unsafe}, which newer JDKs warn about on the host's
 * standard error: class definition goes through {@code jdk.internal.misc.Unsafe}, opened with the agent's
 * {@code Instrumentation} to a module of Byte Buddy's own; and the Nexus, which only serves type initializers the
 * agent never adds, stays off.
 *
 * <p>These are system properties, but their names are relocated with Byte Buddy
 * ({@code dev.airlock.shaded.bytebuddy...}), so they concern Airlock's copy alone. Set before Byte Buddy's
 * injectors are first used, which read them once.
 */
final class ByteBuddySettings {

    private ByteBuddySettings() {
    }

    static void apply() {
        setIfAbsent(ClassInjector.UsingUnsafe.SAFE_PROPERTY);
        setIfAbsent(Nexus.PROPERTY);
    }

    private static void setIfAbsent(String property) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, "true");
        }
    }
}
