package dev.airlock.agent.internal;

import java.util.Map;

/**
 * What the instrumentation needs once Airlock has started in this JVM: the bridge is on the bootstrap path and
 * the engine guards it.
 *
 * @param definer defines classes in a given class loader
 * @param sdkHelpers the {@code dev.airlock.sdk} classes by binary name, defined in each SDK v2 class loader
 * @param sdkV1Helpers the {@code dev.airlock.sdk.v1} classes, defined in each SDK v1 class loader
 * @param runtimeLoader the runtime's own class loader, never instrumented
 */
public record StartedRuntime(ClassDefiner definer, Map<String, byte[]> sdkHelpers,
                             Map<String, byte[]> sdkV1Helpers, ClassLoader runtimeLoader) {
}
