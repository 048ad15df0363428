package dev.airlock.agent.it;

import com.sun.tools.attach.VirtualMachine;

/** Loads the agent into a running JVM. Arguments: pid, agent jar, agent arguments. */
public final class Attacher {

    private Attacher() {
    }

    public static void main(String[] args) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(args[0]);
        try {
            vm.loadAgent(args[1], args.length > 2 ? args[2] : null);
        } finally {
            vm.detach();
        }
    }
}
