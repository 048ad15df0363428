package dev.airlock.agent.sdk;

/**
 * Reports an AWS SDK that Airlock could not hook in some class loader: once on standard error, where a human
 * sees it, and in the audit, through the bridge. Only real gaps come here; a healthy start prints nothing.
 */
final class NotGuarded {

    private NotGuarded() {
    }

    static void report(String className, ClassLoader loader, String problem) {
        tell("the AWS SDK class " + className + " in " + loader + " could not be hooked (" + problem
                + "), so that SDK's calls are NOT guarded; with airlock.unguarded=fail they fail instead of going out");
    }

    /** A signer that could not be hooked: the client calls stay guarded, requests it signs by hand are not. */
    static void reportSigner(String className, ClassLoader loader, String problem) {
        tell("the AWS SDK signer " + className + " in " + loader + " could not be hooked (" + problem
                + "), so requests signed with it outside an SDK client are NOT decided; client calls stay guarded");
    }

    private static void tell(String text) {
        System.err.println("[airlock] ERROR: " + text);
        try {
            Class.forName(dev.airlock.engine.AgentLinks.BRIDGE, true, null)
                    .getMethod(dev.airlock.engine.AgentLinks.BRIDGE_REPORT, String.class)
                    .invoke(null, text);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            // standard error has it
        }
    }
}
