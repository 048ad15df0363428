package dev.airlock.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Notices {@code airlock.*} system properties changed after Airlock started. Airlock's settings are fixed when
 * it starts, before the host's {@code main}: a later {@code System.setProperty("airlock.enabled", "false")}
 * changes nothing, and each such attempt is recorded once, in words, for the audit.
 */
final class SettingsWatch {

    private static final String PREFIX = "airlock.";

    private final Map<String, String> atStart;
    private final Set<String> reported = new HashSet<>();

    SettingsWatch(Properties atStart) {
        this.atStart = ours(atStart);
    }

    /** The changes not reported before, each as a sentence; empty when nothing changed. */
    synchronized List<String> newChanges() {
        Map<String, String> now;
        try {
            now = ours(System.getProperties());
        } catch (RuntimeException e) {
            return List.of();
        }
        if (now.equals(atStart)) {
            return List.of();
        }
        List<String> changes = new ArrayList<>();
        Set<String> keys = new java.util.TreeSet<>(atStart.keySet());
        keys.addAll(now.keySet());
        for (String key : keys) {
            String before = atStart.get(key);
            String after = now.get(key);
            if (before == null ? after == null : before.equals(after)) {
                continue;
            }
            String change = key + "=" + after;
            if (reported.add(change)) {
                changes.add("system property " + key + (after == null ? " was cleared"
                        : " was set to '" + after + "'") + " after Airlock started; Airlock's settings are fixed "
                        + "at start, so the change is ignored");
            }
        }
        return changes;
    }

    private static Map<String, String> ours(Properties props) {
        Map<String, String> ours = new TreeMap<>();
        for (String name : props.stringPropertyNames()) {
            if (name.startsWith(PREFIX)) {
                ours.put(name, props.getProperty(name));
            }
        }
        return ours;
    }
}
