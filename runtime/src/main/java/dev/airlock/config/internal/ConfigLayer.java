package dev.airlock.config.internal;

import dev.airlock.config.ConfigException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The settings one source gives, already checked: known keys only, values normalised. A key set to a blank
 * optional value is held as unset, so it clears what a lower layer said.
 */
public final class ConfigLayer {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> sources = new HashMap<>();
    private final String home;

    public ConfigLayer(String home) {
        this.home = home;
    }

    /**
     * Checks and adds one setting.
     *
     * @param name the key as this source spells it
     * @param source where it was found, for messages ({@code environment variable AIRLOCK_MODE})
     * @param spell how this source would spell a known key, for the suggestion in an unknown-key message
     */
    void put(String name, String value, String source, UnaryOperator<String> spell) throws ConfigException {
        String key = KnownKeys.match(name);
        if (key == null) {
            String closest = KnownKeys.closest(name);
            throw new ConfigException(source + ": unknown key '" + name + "'"
                    + (closest != null ? " (did you mean " + spell.apply(closest) + "?)"
                    : "; known keys: " + KnownKeys.list()));
        }
        if (sources.containsKey(key)) {
            throw new ConfigException(source + ": " + key + " is set twice (also at " + sources.get(key) + ")");
        }
        try {
            values.put(key, SettingValues.normalise(key, value, home));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source + ": " + e.getMessage());
        }
        sources.put(key, source);
    }

    public boolean has(String key) {
        return sources.containsKey(key);
    }

    /** The value, or null when this layer does not set it or unsets it. */
    public String get(String key) {
        return values.get(key);
    }

    public String sourceOf(String key) {
        return sources.get(key);
    }

    /** Lays this layer over {@code merged}. */
    public void applyTo(Map<String, String> merged) {
        values.forEach((key, value) -> {
            if (value == null) {
                merged.remove(key);
            } else {
                merged.put(key, value);
            }
        });
    }
}
