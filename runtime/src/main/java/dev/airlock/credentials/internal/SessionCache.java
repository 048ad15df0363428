package dev.airlock.credentials.internal;

import dev.airlock.credentials.CredentialsException;
import dev.airlock.credentials.SessionCredentials;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions by (role, policy digest), reused until shortly before they expire. Calls that need the same session
 * at the same time wait for one STS call rather than each making its own.
 */
final class SessionCache {

    /** What fetches a session that is missing or about to expire. */
    interface Fetch {
        SessionCredentials get() throws CredentialsException;
    }

    /** Beyond this many sessions, expired ones are dropped. */
    private static final int TIDY_ABOVE = 4096;

    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();
    private final Duration margin;
    private final Clock clock;

    SessionCache(Duration margin, Clock clock) {
        this.margin = margin;
        this.clock = clock;
    }

    SessionCredentials get(String role, String policyDigest, Fetch fetch) throws CredentialsException {
        if (slots.size() > TIDY_ABOVE) {
            Instant now = clock.instant();
            slots.values().removeIf(s -> !s.fresh(now, Duration.ZERO));
        }
        Slot slot = slots.computeIfAbsent(role + '\n' + policyDigest, k -> new Slot());
        synchronized (slot) {
            if (!slot.fresh(clock.instant(), margin)) {
                slot.session = fetch.get();
            }
            return slot.session;
        }
    }

    int size() {
        return slots.size();
    }

    private static final class Slot {
        SessionCredentials session;

        boolean fresh(Instant now, Duration margin) {
            return session != null && (session.expiration() == null
                    || now.plus(margin).isBefore(session.expiration()));
        }
    }
}
