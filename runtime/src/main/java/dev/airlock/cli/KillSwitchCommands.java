package dev.airlock.cli;

import dev.airlock.audit.AuditLog;
import dev.airlock.audit.AuditRecord;
import dev.airlock.call.Requester;
import dev.airlock.config.AirlockConfig;
import dev.airlock.config.ConfigException;
import dev.airlock.config.ConfigLoader;
import dev.airlock.egress.Egress;
import dev.airlock.gate.KillSwitch;
import dev.airlock.gate.internal.FlagFile;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code airlock halt} and {@code airlock resume}: a human opens or closes the kill switch. On this machine the
 * flag file in the state directory, which every agent JVM here watches; with {@code kill-switch.store: dynamodb},
 * the org-wide flag too. Each is written to the audit trail.
 */
final class KillSwitchCommands {

    private KillSwitchCommands() {
    }

    /** What both commands read: the config, which says where the flags are. */
    abstract static class Switching implements Callable<Integer> {

        @Option(names = "--config", paramLabel = "FILE", description = "airlock.yaml to read.")
        Path config;

        @Option(names = "--state-dir", paramLabel = "DIR", description = "Airlock's state directory "
                + "(default: state.dir of the config, ~/.airlock).")
        Path stateDir;

        @Option(names = "--local-only", description = "Only this machine's flag, even when the org-wide one is "
                + "configured.")
        boolean localOnly;

        AirlockConfig settings() throws ConfigException {
            List<String> args = new ArrayList<>();
            if (config != null) {
                args.add("config=" + config);
            }
            if (stateDir != null) {
                args.add(AirlockConfig.STATE_DIR + "=" + stateDir);
            }
            return ConfigLoader.load(String.join(",", args));
        }

        /** The org-wide switch when configured, else null. */
        KillSwitch orgWide(AirlockConfig settings) {
            if (localOnly || !"dynamodb".equals(settings.get(AirlockConfig.KILL_SWITCH_STORE))) {
                return null;
            }
            try {
                return Egress.parts().dynamoDbKillSwitch(settings);
            } catch (IllegalStateException notOnClassPath) {
                Egress.fromAgentJar(AgentJar.locate());
                return Egress.parts().dynamoDbKillSwitch(settings);
            }
        }

        static String human() {
            String host;
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (Exception e) {
                host = "localhost";
            }
            return System.getProperty("user.name", "unknown") + "@" + host;
        }

        static void audit(AirlockConfig settings, boolean open, String reason, String by) {
            if (!settings.auditEnabled()) {
                return;
            }
            try (AuditLog log = AuditLog.toFile(settings.auditFile(), Requester.ofThisProcess("airlock-cli"))) {
                log.record(new AuditRecord(System.currentTimeMillis(), "airlock", open ? "Halt" : "Resume",
                        open ? "airlock:Halt" : "airlock:Resume", null, "kill-switch", "-", open ? "TRIP" : "RESET",
                        (open ? reason : "kill switch reset") + " (by " + by + ")", null, 0, null));
            }
        }
    }

    @Command(name = "halt", mixinStandardHelpOptions = true,
            description = "Opens the kill switch: every destructive call of every guarded JVM is denied until "
                    + "`airlock resume`; reads go on.")
    static final class Halt extends Switching {

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the audit and the tools' messages.")
        String reason = "halted by a human";

        @Override
        public Integer call() throws Exception {
            AirlockConfig settings = settings();
            String by = human();
            Path flag = KillSwitch.flagFile(settings.stateDir());
            FlagFile.raise(flag, reason, by);
            System.out.println("HALTED: " + flag + " is raised; destructive calls are denied on this machine.");
            try (KillSwitch org = orgWide(settings)) {
                if (org != null) {
                    org.trip(reason, by);
                    System.out.println("HALTED org-wide: table " + settings.get(AirlockConfig.KILL_SWITCH_TABLE));
                }
            }
            audit(settings, true, reason, by);
            System.out.println("Run `airlock resume` to let destructive calls through again.");
            return 0;
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true,
            description = "Closes the kill switch again: destructive calls are decided by the policy once more.")
    static final class Resume extends Switching {

        @Override
        public Integer call() throws Exception {
            AirlockConfig settings = settings();
            String by = human();
            Path flag = KillSwitch.flagFile(settings.stateDir());
            boolean was = FlagFile.lower(flag);
            System.out.println(was ? "RESUMED: " + flag + " is lowered." : "The kill switch on this machine was "
                    + "not open (" + flag + ").");
            try (KillSwitch org = orgWide(settings)) {
                if (org != null) {
                    org.reset(by);
                    System.out.println("RESUMED org-wide: table " + settings.get(AirlockConfig.KILL_SWITCH_TABLE));
                }
            }
            audit(settings, false, null, by);
            return 0;
        }
    }
}
