package dev.airlock.process.internal;

import dev.airlock.call.Classification;
import java.util.List;
import java.util.Set;

/**
 * Deployment tools that tear environments down, each with what it destroys:
 * <ul>
 *   <li>Serverless Framework ({@code serverless}, {@code sls}): {@code remove} deletes the service's
 *       CloudFormation stack and everything in it.</li>
 *   <li>CDK for Terraform ({@code cdktf}): {@code destroy}; {@code deploy --auto-approve} applies a plan that
 *       may destroy without asking.</li>
 *   <li>{@code aws-nuke}: with {@code --no-dry-run}, deletes every resource of the account its filters keep.</li>
 *   <li>{@code s5cmd}: {@code rm}, {@code rb}, {@code mv} (deletes its source), {@code sync --delete}, and
 *       {@code run}, whose commands come from a file or standard input.</li>
 *   <li>AWS Copilot: {@code app|env|svc|job|pipeline|task delete}.</li>
 *   <li>SST: {@code remove} deletes the stage's resources.</li>
 * </ul>
 */
final class DeployTools {

    private DeployTools() {
    }

    /** A tool whose subcommand (or two) decides, from a table. */
    static final class Table implements Tool {
        private final String tool;
        private final Set<String> destroys;
        private final Set<String> reads;
        private final Set<String> values;

        Table(String tool, Set<String> destroys, Set<String> reads, Set<String> values) {
            this.tool = tool;
            this.destroys = destroys;
            this.reads = reads;
            this.values = values;
        }

        @Override
        public List<Recognised> recognise(Invocation inv, ToolContext ctx) {
            Argv a = Argv.read(inv.args(), values);
            Word sub = a.operand(0);
            if (sub == null || a.has("--help", "-h", "--version", "-v")) {
                return List.of();
            }
            if (sub.dynamic()) {
                return List.of(InfraTools.ToolCalls.of(inv, ctx, tool, "UnresolvedCommand",
                        Classification.DESTRUCTIVE, List.of(tool + ":*")));
            }
            String name = sub.text();
            String second = a.operandText(1);
            String pair = second == null ? name : name + " " + second;
            Classification c = destroys.contains(name) || destroys.contains(pair) ? Classification.DESTRUCTIVE
                    : reads.contains(name) || reads.contains(pair) ? Classification.READ : Classification.WRITE;
            if (tool.equals("cdktf") && name.equals("deploy") && a.has("--auto-approve")) {
                c = Classification.DESTRUCTIVE;
            }
            if (tool.equals("s5cmd") && name.equals("sync") && a.has("--delete")) {
                c = Classification.DESTRUCTIVE;
            }
            boolean byPair = destroys.contains(pair) || reads.contains(pair);
            String op = AwsCliNames.pascal(byPair ? pair.replace(' ', '-') : name);
            String target = a.optionText("--stage", "-s", "--app", "-a", "--name", "-n", "--env", "-e");
            return List.of(InfraTools.ToolCalls.of(inv, ctx, tool, op, c,
                    List.of(tool + ":" + (target == null ? "*" : target))));
        }
    }

    /** {@code aws-nuke [run] --no-dry-run}: everything its config does not filter out goes. */
    static final class AwsNuke implements Tool {
        @Override
        public List<Recognised> recognise(Invocation inv, ToolContext ctx) {
            Argv a = Argv.read(inv.args(), Set.of("-c", "--config", "--profile", "--access-key-id",
                    "--secret-access-key", "--session-token", "--assume-role-arn", "--default-region", "-t",
                    "--target", "-e", "--exclude", "--max-wait-retries", "--log-level", "--cloud-control"));
            String sub = a.operandText(0);
            if (a.has("--help", "-h", "--version") || "version".equals(sub) || "resource-types".equals(sub)
                    || "explain-account".equals(sub) || "explain-config".equals(sub)) {
                return List.of();
            }
            Classification c = a.has("--no-dry-run") || a.dynamic() ? Classification.DESTRUCTIVE
                    : Classification.READ;
            return List.of(InfraTools.ToolCalls.of(inv, ctx, "aws-nuke", c == Classification.READ ? "DryRun"
                    : "Nuke", c, List.of("aws-nuke:" + (ctx.account() == null ? "*" : ctx.account()))));
        }
    }

    static Tool serverless() {
        return new Table("serverless", Set.of("remove", "rollback"), Set.of("info", "print", "package", "logs",
                "metrics", "invoke local", "offline", "doctor", "help", "plugin list", "create", "login"),
                Set.of("--stage", "-s", "--region", "-r", "--config", "-c", "--aws-profile", "--app",
                "--org", "--param", "--function", "-f"));
    }

    static Tool cdktf() {
        return new Table("cdktf", Set.of("destroy"), Set.of("synth", "diff", "plan", "list", "output", "get",
                "init", "debug", "help"), Set.of("--app", "-a", "--output", "-o", "--var", "--var-file",
                "--parallelism", "--refresh-only"));
    }

    static Tool s5cmd() {
        return new Table("s5cmd", Set.of("rm", "rb", "mv", "run"), Set.of("ls", "cat", "du", "head", "select",
                "presign", "version"), Set.of("--endpoint-url", "--profile", "--credentials-file", "--numworkers",
                "--retry-count", "--log", "--stat", "--request-payer"));
    }

    static Tool copilot() {
        return new Table("copilot", Set.of("app delete", "env delete", "svc delete", "job delete",
                "pipeline delete", "task delete", "storage delete"),
                Set.of("app ls", "app show", "env ls", "env show", "svc ls", "svc show", "svc status", "svc logs",
                        "job ls", "job logs", "pipeline ls", "pipeline show", "pipeline status", "version",
                        "docs", "svc package", "env package", "job package"),
                Set.of("--app", "-a", "--name", "-n", "--env", "-e"));
    }

    static Tool sst() {
        return new Table("sst", Set.of("remove"), Set.of("diff", "version", "help", "print-and-not-quit"),
                Set.of("--stage", "--config", "--print-logs"));
    }
}
