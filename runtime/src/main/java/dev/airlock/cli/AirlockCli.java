package dev.airlock.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code airlock}: explain a decision, verify an audit trail, attach to a running JVM. */
@Command(name = "airlock", mixinStandardHelpOptions = true, versionProvider = AirlockCli.Version.class,
        description = "Keeps AI agents from destroying cloud infrastructure.",
        subcommands = {ExplainCommand.class, AuditCommand.class, AttachCommand.class, PolicyCommand.class,
                PlanCommand.class, KillSwitchCommands.Halt.class, KillSwitchCommands.Resume.class,
                ServeCommand.class, ApprovalCommands.Approvers.class, ApprovalCommands.Pending.class,
                ApprovalCommands.Show.class, ApprovalCommands.Approve.class, ApprovalCommands.Deny.class,
                CommandLine.HelpCommand.class})
public final class AirlockCli implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code: 0 done, 1 a negative answer, 2 bad input. */
    public static int run(String... args) {
        return new CommandLine(new AirlockCli())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("airlock: " + e.getMessage());
                    return 2;
                })
                .execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = AirlockCli.class.getPackage().getImplementationVersion();
            return new String[] {"airlock " + (v == null ? "development build" : v)};
        }
    }
}
