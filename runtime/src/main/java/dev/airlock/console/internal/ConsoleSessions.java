package dev.airlock.console.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in approvers of the console: a random session id in an HttpOnly, SameSite=Strict cookie, and a CSRF
 * token per session that every form must send back. Kept in this service's memory; a restart signs everyone out.
 */
public final class ConsoleSessions {

    public static final String COOKIE = "airlock_session";
    private static final Duration LIFETIME = Duration.ofHours(8);

    public record Session(String approver, String csrf, long expiresAt) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /** A new session's id. */
    public String open(String approver) {
        String id = Tokens.fresh();
        sessions.put(id, new Session(approver, Tokens.fresh(), System.currentTimeMillis() + LIFETIME.toMillis()));
        return id;
    }

    /** The live session with this id, or null. */
    public Session find(String id) {
        if (id == null) {
            return null;
        }
        Session s = sessions.get(id);
        if (s != null && System.currentTimeMillis() >= s.expiresAt()) {
            sessions.remove(id);
            return null;
        }
        return s;
    }

    public void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    public static String cookieFor(String id) {
        return COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + LIFETIME.toSeconds();
    }
}
