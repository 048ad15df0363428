package dev.airlock.bridge;

import java.util.List;
import java.util.Map;

/**
 * What the process hook asks before a child process starts ({@code ProcessBuilder.start},
 * {@code Runtime.exec}).
 *
 * <p>Only {@code java.*} and bridge types cross this interface: in agent mode it is loaded by the bootstrap
 * class loader, next to {@code java.lang.ProcessBuilder}, whose inlined hook calls it.
 */
public interface ProcessStartGuard {

    /**
     * Decides one process start. Never throws.
     *
     * @param command the program and its arguments
     * @param environment the child's environment
     * @param directory the child's working directory, or null for this JVM's
     * @return the answer; never null
     */
    ProcessAnswer check(List<String> command, Map<String, String> environment, String directory);
}
