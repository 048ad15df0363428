package dev.airlock.bridge;

/**
 * Implemented by a guard that can record what Airlock refused or ignored inside the process it guards: a second
 * guard installed on the bridge, a setting changed after start. The engine writes each one to the audit.
 */
public interface TamperWitness {

    /** @param attempt what was tried, in words, for example {@code installing call guard null from com.x.Tool} */
    void tamperRefused(String attempt);
}
