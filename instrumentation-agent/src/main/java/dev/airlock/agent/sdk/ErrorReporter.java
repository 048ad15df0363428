package dev.airlock.agent.sdk;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.utility.JavaModule;

/** Says on standard error, once per type, that SDK calls there are not guarded. Silent otherwise. */
final class ErrorReporter extends AgentBuilder.Listener.Adapter {

    @Override
    public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
                        Throwable throwable) {
        System.err.println("[airlock] ERROR: could not instrument " + typeName + " in " + classLoader
                + ", so AWS SDK calls there are NOT guarded: " + throwable);
    }
}
