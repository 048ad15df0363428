package dev.airlock.process.internal;

import dev.airlock.call.Classification;
import dev.airlock.catalog.Partition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The smaller infrastructure tools, each a table of which subcommands destroy: {@code cdk destroy} and a
 * {@code cdk deploy} that asks nobody or targets production, {@code pulumi destroy} and unattended
 * {@code pulumi up}, {@code eksctl delete}, {@code sam delete} and a {@code sam deploy} whose change set nobody
 * confirms, {@code helm uninstall}.
 */
final class InfraTools {

    private InfraTools() {
    }

    static final class Cdk implements Tool {
        private static final Set<String> VALUES = Set.of("-a", "--app", "-c", "--context", "--profile", "-r",
                "--role-arn", "-o", "--output", "--plugin", "-p", "--ca-bundle-path", "--toolkit-stack-name",
                "--proxy", "--require-approval", "--parameters", "--outputs-file", "--method", "-m",
                "--concurrency", "--asset-parallelism", "--change-set-name", "--build-exclude", "-E",
                "--notification-arns", "--tags", "-t", "--rollback", "--progress",
                "--hotswap-ecs-minimum-healthy-percent");
        private static final Set<String> READS = Set.of("synth", "synthesize", "diff", "ls", "list", "doctor",
                "notices", "context", "metadata", "acknowledge", "ack", "docs", "doc", "version", "init");

        @Override
        public List<Recognised> recognise(Invocation inv, ToolContext ctx) {
            Argv a = Argv.read(inv.args(), VALUES);
            Word sub = a.operand(0);
            if (sub == null) {
                return List.of();
            }
            String region = ToolContext.region(inv.env(), null);
            List<String> stacks = new ArrayList<>();
            for (String s : a.operandTexts(1)) {
                stacks.add(stackArn(region, ctx.account(), s));
            }
            if (a.has("--all") || stacks.isEmpty()) {
                stacks.add(stackArn(region, ctx.account(), "*"));
            }
            String name = sub.dynamic() ? "" : sub.text();
            Classification c = sub.dynamic() || name.equals("destroy") || name.equals("gc")
                    ? Classification.DESTRUCTIVE
                    : READS.contains(name) ? Classification.READ : Classification.WRITE;
            if (name.equals("deploy") && deployMayDestroy(a, inv)) {
                c = Classification.DESTRUCTIVE;
            }
            return List.of(ToolCalls.of(inv, ctx, "cdk", sub.dynamic() ? "UnresolvedCommand"
                    : AwsCliNames.pascal(name), c, stacks));
        }
    }

    /**
     * A deploy removes what was removed from the app, and CDK asks nobody about a removal. Without a synthesised
     * diff (too costly to make before every start) it is held when it asks nobody at all
     * ({@code --require-approval never}, also in {@code cdk.json}) or names a stack marked as production.
     */
    static boolean deployMayDestroy(Argv a, Invocation inv) {
        Word approval = a.option("--require-approval");
        if (approval != null && (approval.dynamic() || approval.text().equals("never"))) {
            return true;
        }
        if (approval == null && inv.directory() != null) {
            String cdkJson = ScriptFiles.read(inv.directory().resolve("cdk.json"));
            if (cdkJson != null && cdkJson.matches("(?s).*\"requireApproval\"\\s*:\\s*\"never\".*")) {
                return true;
            }
        }
        if (a.dynamic()) {
            return true;
        }
        for (String stack : a.operandTexts(1)) {
            if (production(stack)) {
                return true;
            }
        }
        Word context = a.option("-c", "--context");
        return context != null && production(context.text());
    }

    /** A name marked as production: {@code prod}, {@code production}, {@code Prod-Api}, {@code stage=prd}. */
    static boolean production(String name) {
        if (name == null) {
            return false;
        }
        for (String part : name.split("(?<=[a-z0-9])(?=[A-Z])|[^A-Za-z0-9]+")) {
            String p = part.toLowerCase(Locale.ROOT);
            if (p.equals("prod") || p.equals("production") || p.equals("prd")) {
                return true;
            }
        }
        return false;
    }

    static final class Pulumi implements Tool {
        private static final Set<String> VALUES = Set.of("-C", "--cwd", "-s", "--stack", "--color", "-v",
                "--verbose", "-m", "--message", "-t", "--target", "--config-file", "-p", "--parallel",
                "--tracing", "--profiling", "--exclude", "--client", "--plan", "-c", "--config");
        private static final Set<String> READS = Set.of("preview", "pre", "whoami", "about", "version", "logs",
                "help", "schema", "console", "gen-completion", "query");

        @Override
        public List<Recognised> recognise(Invocation inv, ToolContext ctx) {
            Argv a = Argv.read(inv.args(), VALUES);
            Word sub = a.operand(0);
            if (sub == null) {
                return List.of();
            }
            if (sub.dynamic()) {
                return List.of(ToolCalls.of(inv, ctx, "pulumi", "UnresolvedCommand", Classification.DESTRUCTIVE,
                        List.of("pulumi:*")));
            }
            String name = sub.text();
            String second = a.operandText(1);
            String skip = inv.env().get("PULUMI_SKIP_CONFIRMATIONS");
            boolean unattended = a.has("-y", "--yes") || a.dynamic() || inv.env().isUnknown("PULUMI_SKIP_CONFIRMATIONS")
                    || "true".equalsIgnoreCase(skip) || "1".equals(skip);
            String op;
            Classification c;
            switch (name) {
                case "destroy", "down", "dn" -> {
                    op = "Destroy";
                    c = Classification.DESTRUCTIVE;
                }
                case "up", "update" -> {
                    op = "Up";
                    c = unattended ? Classification.DESTRUCTIVE : Classification.WRITE;
                }
                case "stack" -> {
                    op = "Stack" + AwsCliNames.pascal(second == null ? "" : second);
                    c = "rm".equals(second) || "remove".equals(second) ? Classification.DESTRUCTIVE
                            : "ls".equals(second) || "output".equals(second) || "history".equals(second)
                            || "select".equals(second) || second == null ? Classification.READ : Classification.WRITE;
                }
                case "state" -> {
                    op = "State" + AwsCliNames.pascal(second == null ? "" : second);
                    c = "delete".equals(second) ? Classification.DESTRUCTIVE : Classification.WRITE;
                }
                default -> {
                    op = AwsCliNames.pascal(name.toLowerCase(Locale.ROOT));
                    c = READS.contains(name) ? Classification.READ : Classification.WRITE;
                }
            }
            String stack = a.optionText("-s", "--stack");
            String dir = a.optionText("-C", "--cwd");
            String where = "pulumi:" + (stack == null ? "current-stack" : stack)
                    + (dir != null ? "@" + dir : inv.directory() != null ? "@" + inv.directory() : "");
            return List.of(ToolCalls.of(inv, ctx, "pulumi", op, c, List.of(where)));
        }
    }

    static final class Eksctl implements Tool {
        private static final Set<String> VALUES = Set.of("-n", "--name", "-c", "--cluster", "-r", "--region",
                "-p", "--profile", "-f", "--config-file", "-N", "--nodes", "-m", "--nodes-min", "-M",
                "--nodes-max", "-o", "--output", "--timeout", "--namespace");

        @Override
        public List<Recognised> recognise(Invocation inv, ToolContext ctx) {
            Argv a = Argv.read(inv.args(), VALUES);
            Word sub = a.operand(0);
            if (sub == null) {
                return List.of();
            }
            String name = sub.dynamic() ? "" : sub.text();
            String what = a.operandText(1);
            String region = ToolContext.region(inv.env(), a.optionText("-r", "--region"));
            Classification c;
            if (sub.dynamic() || name.equals("delete") || name.equals("drain")) {
                c = Classification.DESTRUCTIVE;
            } else if (name.equals("scale")) {
                Word nodes = a.option("-N", "--nodes");
                c = nodes == null || nodes.dynamic() || nodes.text().matches("0+") ? Classification.DESTRUCTIVE
                        : Classification.WRITE;
            } else {
                c = name.equals("get") || name.equals("version") || name.equals("info") || name.equals("utils")
                        && what != null && what.startsWith("describe") ? Classification.READ : Classification.WRITE;
            }
            String op = sub.dynamic() ? "UnresolvedCommand"
                    : AwsCliNames.pascal(name) + (what == null ? "" : AwsCliNames.pascal(what));
            return List.of(ToolCalls.of(inv, ctx, "eksctl", op, c, eksResources(a, what, region, ctx.account())));
        }

        private static List<String> eksResources(Argv a, String what, String region, String account) {
            String prefix = "arn:" + Partition.of(region) + ":eks:" + (region == null ? "*" : region) + ":"
                    + (account == null ? "*" : account) + ":";
            String cluster = a.optionText("-c", "--cluster");
            String name = a.optionText("-n", "--name");
            String operand = a.operandText(2);
            if (what != null && what.startsWith("cluster")) {
                String c = name != null ? name : operand;
                return List.of(prefix + "cluster/" + (c == null ? "*" : c));
            }
            if (what != null && what.startsWith("nodegroup")) {
                String ng = name != null ? name : operand;
                return List.of(prefix + "nodegroup/" + (cluster == null ? "*" : cluster) + "/"
                        + (ng == null ? "*" : ng) + "/*");
            }
            return List.of(prefix + "cluster/" + (cluster == null ? "*" : cluster));
        }
    }

    static final class Sam implements Tool {
        private static final Set<String> VALUES = Set.of("--stack-name", "--region", "--profile", "--config-env",
                "--config-file", "-t", "--template", "--template-file", "--s3-bucket", "--s3-prefix");
        private static final Set<String> READS = Set.of("build", "validate", "local", "logs", "list", "traces",
                "init", "--version", "docs");

        @Override
        public List<Recognised> recognise(Invocation inv, ToolContext ctx) {
            Argv a = Argv.read(inv.args(), VALUES);
            Word sub = a.operand(0);
            if (sub == null) {
                return List.of();
            }
            String name = sub.dynamic() ? "" : sub.text();
            Classification c = sub.dynamic() || name.equals("delete") ? Classification.DESTRUCTIVE
                    : READS.contains(name) ? Classification.READ : Classification.WRITE;
            if (name.equals("deploy") && !confirmsChangeset(a, inv)) {
                // Applied without showing its change set to anyone: it removes what the template dropped.
                c = Classification.DESTRUCTIVE;
            }
            String region = ToolContext.region(inv.env(), a.optionText("--region"));
            String stack = a.optionText("--stack-name");
            return List.of(ToolCalls.of(inv, ctx, "sam", sub.dynamic() ? "UnresolvedCommand"
                    : AwsCliNames.pascal(name), c,
                    List.of(stackArn(region, ctx.account(), stack == null ? "*" : stack))));
        }
    }

    /** {@code --confirm-changeset}, or {@code confirm_changeset = true} in samconfig, and not overridden. */
    static boolean confirmsChangeset(Argv a, Invocation inv) {
        if (a.has("--no-confirm-changeset") || a.dynamic()) {
            return false;
        }
        if (a.has("--confirm-changeset")) {
            return true;
        }
        if (inv.directory() == null) {
            return false;
        }
        String config = ScriptFiles.read(inv.directory().resolve("samconfig.toml"));
        return config != null && config.matches("(?s).*confirm_changeset\\s*=\\s*true.*");
    }

    static final class Helm implements Tool {
        private static final Set<String> VALUES = Set.of("-n", "--namespace", "--kube-context", "--kubeconfig",
                "--kube-apiserver", "--kube-token", "--kube-as-user", "--kube-as-group", "--kube-ca-file",
                "--registry-config", "--repository-cache", "--repository-config", "--burst-limit", "--qps",
                "-f", "--values", "--set", "--set-string", "--set-file", "--version", "--timeout", "-o",
                "--output", "--description", "--cascade", "--revision", "--repo", "--post-renderer");
        private static final Set<String> READS = Set.of("list", "ls", "status", "get", "history", "hist", "show",
                "inspect", "template", "search", "lint", "version", "env", "verify", "help", "completion");

        @Override
        public List<Recognised> recognise(Invocation inv, ToolContext ctx) {
            Argv a = Argv.read(inv.args(), VALUES);
            Word sub = a.operand(0);
            if (sub == null) {
                return List.of();
            }
            String name = sub.dynamic() ? "" : sub.text();
            boolean uninstall = Set.of("uninstall", "delete", "del", "un").contains(name);
            Classification c = sub.dynamic() || uninstall ? Classification.DESTRUCTIVE
                    : READS.contains(name) ? Classification.READ : Classification.WRITE;
            if (a.has("--dry-run") && c != Classification.READ && !a.dynamic()) {
                c = Classification.READ;
            }
            String context = a.optionText("--kube-context");
            String namespace = a.optionText("-n", "--namespace");
            String base = "kubernetes:" + (context == null ? "current" : context) + "/"
                    + (namespace == null ? "default" : namespace) + "/release/";
            List<String> releases = new ArrayList<>();
            for (String r : a.operandTexts(1)) {
                releases.add(base + r);
            }
            if (releases.isEmpty()) {
                releases.add(base + "*");
            }
            return List.of(ToolCalls.of(inv, ctx, "helm", sub.dynamic() ? "UnresolvedCommand"
                    : uninstall ? "Uninstall" : AwsCliNames.pascal(name), c, releases));
        }
    }

    static String stackArn(String region, String account, String stack) {
        return "arn:" + Partition.of(region) + ":cloudformation:" + (region == null ? "*" : region) + ":"
                + (account == null ? "*" : account) + ":stack/" + stack + "/*";
    }

    /** A call of one of these tools, with the command's words as its parameters. */
    static final class ToolCalls {
        private ToolCalls() {
        }

        static Recognised of(Invocation inv, ToolContext ctx, String tool, String op, Classification c,
                             List<String> resources) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("Arguments", AwsCli.texts(inv.args()));
            if (inv.directory() != null) {
                params.put("Directory", inv.directory().toString());
            }
            String plan = c == Classification.DESTRUCTIVE
                    ? "the plan is the command itself: `" + inv.text() + "` (no dry run of it was made)" : null;
            return new Recognised(ctx.toolCall(tool, op, c, params, resources, inv), inv.text(), plan);
        }
    }
}
