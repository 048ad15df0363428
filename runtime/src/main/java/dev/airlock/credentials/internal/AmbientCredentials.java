package dev.airlock.credentials.internal;

import dev.airlock.call.Call;
import dev.airlock.credentials.CredentialsIssuer;
import dev.airlock.credentials.SessionCredentials;

/** {@code credentials.mode: ambient}: the client's own credentials sign every call. */
public final class AmbientCredentials implements CredentialsIssuer {

    public static final AmbientCredentials INSTANCE = new AmbientCredentials();

    private AmbientCredentials() {
    }

    @Override
    public boolean issues() {
        return false;
    }

    @Override
    public SessionCredentials issue(Call call, String approvalId) {
        return null;
    }
}
