package dev.airlock.config;

/** A configuration that cannot be used. The message names the source, the key and the fault. */
public final class ConfigException extends Exception {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
