package dev.airlock.credentials.internal;

import dev.airlock.config.AirlockConfig;
import dev.airlock.credentials.CredentialsException;
import dev.airlock.credentials.RoleSessions;
import dev.airlock.credentials.SessionCredentials;
import dev.airlock.egress.Egress;

/** AssumeRole through Airlock's own SDK, loaded on the first session needed. */
public final class EgressRoleSessions implements RoleSessions {

    private final AirlockConfig config;
    private volatile RoleSessions loaded;

    public EgressRoleSessions(AirlockConfig config) {
        this.config = config;
    }

    @Override
    public SessionCredentials assumeRole(Request request) throws CredentialsException {
        RoleSessions s = loaded;
        if (s == null) {
            synchronized (this) {
                s = loaded;
                if (s == null) {
                    try {
                        s = Egress.parts().roleSessions(config);
                    } catch (RuntimeException | LinkageError e) {
                        throw new CredentialsException("Airlock's own STS client is not available: " + e.getMessage(),
                                e);
                    }
                    loaded = s;
                }
            }
        }
        return s.assumeRole(request);
    }
}
