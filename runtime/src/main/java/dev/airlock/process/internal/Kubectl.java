package dev.airlock.process.internal;

import dev.airlock.call.Classification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * kubectl (and OpenShift's oc). Destructive: {@code delete}, {@code drain}, {@code scale} to zero replicas,
 * {@code apply --prune} and {@code replace --force}; a {@code --dry-run} other than {@code none} sends nothing
 * that changes. Resources read {@code kubernetes:<context>/<namespace>/<kind>/<name>}.
 */
final class Kubectl implements Tool {

    static final Set<String> VALUE_OPTIONS = Set.of("-n", "--namespace", "--context", "--kubeconfig", "-s",
            "--server", "--cluster", "--user", "--token", "--as", "--as-group", "--as-uid",
            "--certificate-authority", "--client-certificate", "--client-key", "--tls-server-name",
            "--request-timeout", "--cache-dir", "-v", "--v", "--vmodule", "--log-file", "--password",
            "--username", "--profile", "--profile-output", "-f", "--filename", "-l", "--selector", "-o",
            "--output", "--replicas", "--current-replicas", "--grace-period", "--timeout", "--field-selector",
            "-c", "--container", "--for", "--type", "-p", "--patch", "--image", "--port", "-k", "--kustomize",
            "--prune-allowlist", "--field-manager", "--cascade", "--resource-version", "--template",
            "--pod-selector", "--chunk-size", "--since", "--tail", "--sort-by", "--max-unavailable");
    private static final Set<String> READS = Set.of("get", "describe", "logs", "top", "explain", "version",
            "api-resources", "api-versions", "cluster-info", "auth", "diff", "wait", "events", "completion",
            "plugin", "kustomize", "options", "help", "status", "whoami", "project", "projects");
    private static final Set<String> CONFIG_READS = Set.of("view", "get-contexts", "current-context",
            "get-clusters", "get-users");

    @Override
    public List<Recognised> recognise(Invocation inv, ToolContext ctx) {
        Argv a = Argv.read(inv.args(), VALUE_OPTIONS);
        Word subWord = a.operand(0);
        if (subWord == null) {
            return List.of();
        }
        String tool = "kubectl";
        if (subWord.dynamic()) {
            return List.of(recognised(inv, ctx, tool, "UnresolvedCommand", Classification.DESTRUCTIVE, a, null));
        }
        String sub = subWord.text();
        boolean dryRun = dryRun(a);
        String op = AwsCliNames.pascal(sub.toLowerCase(Locale.ROOT));
        Classification c;
        switch (sub) {
            case "delete", "drain" -> c = Classification.DESTRUCTIVE;
            case "scale" -> {
                Word replicas = a.option("--replicas");
                boolean zero = replicas == null ? a.dynamic()
                        : replicas.dynamic() || replicas.text().trim().matches("0+");
                c = zero ? Classification.DESTRUCTIVE : Classification.WRITE;
            }
            case "apply" -> {
                boolean prune = a.has("--prune") || a.dynamic();
                op = prune ? "ApplyPrune" : "Apply";
                c = prune ? Classification.DESTRUCTIVE : Classification.WRITE;
            }
            case "replace" -> c = a.has("--force") || a.dynamic() ? Classification.DESTRUCTIVE
                    : Classification.WRITE;
            case "config" -> c = CONFIG_READS.contains(a.operandText(1)) ? Classification.READ
                    : Classification.WRITE;
            default -> c = READS.contains(sub) ? Classification.READ : Classification.WRITE;
        }
        if (dryRun && c != Classification.READ) {
            c = Classification.READ;
        }
        return List.of(recognised(inv, ctx, tool, op, c, a, sub));
    }

    private static boolean dryRun(Argv a) {
        Word w = a.option("--dry-run");
        if (w != null) {
            return !w.dynamic() && !w.text().equals("none") && !w.text().equals("false");
        }
        return a.has("--dry-run");
    }

    private static Recognised recognised(Invocation inv, ToolContext ctx, String tool, String op,
                                         Classification c, Argv a, String sub) {
        List<String> resources = resources(inv, a, sub);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("Arguments", AwsCli.texts(inv.args()));
        String kubeconfig = inv.env().get("KUBECONFIG");
        if (kubeconfig != null) {
            params.put("KUBECONFIG", kubeconfig);
        }
        String plan = c == Classification.DESTRUCTIVE
                ? "the plan is the command itself: `" + inv.text() + "` (no dry run of it was made)" : null;
        return new Recognised(ctx.toolCall(tool, op, c, params, resources, inv), inv.text(), plan);
    }

    /** {@code kubernetes:<context>/<namespace>/<kind>/<name>} for each object the command names. */
    static List<String> resources(Invocation inv, Argv a, String sub) {
        String context = a.optionText("--context");
        String namespace = a.has("-A", "--all-namespaces") ? "*" : a.optionText("-n", "--namespace");
        String base = "kubernetes:" + (context == null ? "current" : context) + "/"
                + (namespace == null ? "default" : namespace) + "/";
        List<String> out = new ArrayList<>();
        if (sub == null) {
            out.add(base + "*");
            return out;
        }
        List<String> names = a.operandTexts(1);
        boolean everything = a.has("--all", "-l", "--selector", "--field-selector") || a.dynamic();
        if (a.has("-f", "--filename", "-k", "--kustomize")) {
            String file = a.optionText("-f", "--filename", "-k", "--kustomize");
            out.add(base + "file:" + (file == null ? "*" : file));
        }
        if (sub.equals("drain") || sub.equals("cordon") || sub.equals("uncordon")) {
            for (String n : names) {
                out.add("kubernetes:" + (context == null ? "current" : context) + "/node/" + n);
            }
        } else if (!names.isEmpty()) {
            String kind = names.get(0);
            if (kind.contains("/")) {
                for (String n : names) {
                    out.add(base + n.toLowerCase(Locale.ROOT));
                }
            } else if (names.size() == 1 || everything) {
                out.add(base + kind.toLowerCase(Locale.ROOT) + "/*");
            } else {
                for (String n : names.subList(1, names.size())) {
                    out.add(base + kind.toLowerCase(Locale.ROOT) + "/" + n);
                }
            }
        }
        if (out.isEmpty()) {
            out.add(base + "*");
        }
        return out;
    }
}
