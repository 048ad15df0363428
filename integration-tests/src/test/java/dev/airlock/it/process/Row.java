package dev.airlock.it.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One shape of the table: a command a guarded JVM starts, in its own directory ({@code {dir}}), with the
 * stand-ins at {@code {bin}}. Every request it makes carries that directory, so the endpoint can tell whose it is.
 *
 * @param destroys true when its request must never arrive; false for a read that must still run
 * @param needs programs it needs on this machine ({@code root}: it must run as root)
 * @param stdin what the JVM writes to its standard input, or null
 */
record Row(String id, String door, boolean destroys, List<String> needs, List<String> argv, String stdin,
           Setup setup) {

    /** Files the row needs in its directory before it runs. */
    interface Setup {
        void write(Path dir, Path bin, String python) throws IOException;
    }

    @Override
    public String toString() {
        return (destroys ? "closed: " : "still runs: ") + door;
    }
}
