package dev.airlock.it.harness;

import com.sun.tools.attach.VirtualMachine;
import java.nio.file.Path;

/** Loads the agent into a JVM that is already running, as {@code airlock attach PID} would. */
public final class Attach {

    private Attach() {
    }

    public static void loadAgent(long pid, Path agentJar, String agentArguments) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
        try {
            vm.loadAgent(agentJar.toString(), agentArguments);
        } finally {
            vm.detach();
        }
    }
}
