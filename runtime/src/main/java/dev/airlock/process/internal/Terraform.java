package dev.airlock.process.internal;

import dev.airlock.call.Call;
import dev.airlock.call.Classification;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Terraform, OpenTofu and Terragrunt. Destructive: {@code destroy}, {@code apply -destroy}, an {@code apply}
 * whose plan destroys something or cannot be made (a child's standard input is a pipe that may answer "yes"),
 * and {@code apply PLANFILE}, {@code state rm},
 * {@code workspace delete}. Arguments in {@code TF_CLI_ARGS} and {@code TF_CLI_ARGS_<command>} count as
 * typed. When a plan can be made, the call's resources are the addresses that would go.
 */
final class Terraform implements Tool {

    private static final Set<String> READS = Set.of("plan", "show", "output", "validate", "fmt", "graph",
            "version", "providers", "console", "metadata", "modules", "state list", "state show", "state pull",
            "workspace list", "workspace show", "workspace select", "output-module-groups", "render-json",
            "hclfmt", "validate-inputs", "graph-dependencies", "terragrunt-info", "info");
    /** Arguments of apply/destroy that also shape {@code terraform plan}. */
    private static final Set<String> PLAN_SHAPING = Set.of("-target", "-var", "-var-file", "-replace",
            "-exclude", "-parallelism");

    @Override
    public List<Recognised> recognise(Invocation inv, ToolContext ctx) {
        String tool = inv.name();
        List<Word> args = new ArrayList<>(inv.args());
        Path dir = inv.directory();
        int i = 0;
        while (i < args.size() && !args.get(i).dynamic() && args.get(i).text().startsWith("-")) {
            String a = args.get(i).text();
            if (a.startsWith("-chdir=")) {
                dir = dir == null && !Path.of(a.substring(7)).isAbsolute() ? null
                        : ScriptFiles.resolve(dir, a.substring(7));
            }
            if (a.equals("-version") || a.equals("-v") || a.equals("-help") || a.equals("--help")
                    || a.equals("-h") || a.equals("--version")) {
                return List.of();
            }
            i++;
        }
        List<Word> rest = new ArrayList<>(args.subList(i, args.size()));
        if (tool.equals("terragrunt")) {
            rest.removeIf(w -> w.text().contains("non-interactive") || w.text().equals("--all")
                    || w.text().equals("--terragrunt-include-external-dependencies"));
            if (!rest.isEmpty() && (rest.get(0).text().equals("run-all") || rest.get(0).text().equals("run"))) {
                rest.remove(0);
            }
        }
        if (rest.isEmpty()) {
            return List.of();
        }
        Word subWord = rest.get(0);
        if (subWord.dynamic()) {
            return List.of(new Recognised(call(inv, ctx, tool, "UnresolvedCommand", Classification.DESTRUCTIVE,
                    rest, dir, List.of()), inv.text(), null));
        }
        String sub = subWord.text();
        List<Word> subArgs = new ArrayList<>(rest.subList(1, rest.size()));
        String second = !subArgs.isEmpty() && !subArgs.get(0).text().startsWith("-") ? subArgs.get(0).text() : null;
        boolean cliArgsUnknown = addCliArgs(inv.env(), sub, subArgs);
        Argv a = Argv.read(subArgs, Set.of("-target", "-var", "-var-file", "-replace", "-exclude",
                "-parallelism", "-lock-timeout", "-state", "-state-out", "-backup", "-out"));
        boolean unknown = a.dynamic() || cliArgsUnknown;
        List<String> targets = targets(subArgs);
        String op;
        Classification c;
        boolean destroying = false;
        switch (sub) {
            case "destroy" -> {
                op = "Destroy";
                c = Classification.DESTRUCTIVE;
                destroying = true;
            }
            case "apply" -> {
                boolean destroyFlag = a.has("-destroy");
                // A JVM's child reads a pipe: `echo yes | terraform apply` confirms as -auto-approve does, and
                // Airlock cannot tell who writes to that pipe. Every apply is decided by what its plan destroys.
                op = destroyFlag ? "Destroy" : "Apply";
                destroying = destroyFlag;
                c = Classification.DESTRUCTIVE;
            }
            case "state" -> {
                op = "State" + AwsCliNames.pascal(second == null ? "" : second);
                c = "rm".equals(second) ? Classification.DESTRUCTIVE
                        : READS.contains("state " + second) ? Classification.READ : Classification.WRITE;
                if ("rm".equals(second)) {
                    targets = a.operandTexts(1);
                }
            }
            case "workspace" -> {
                op = "Workspace" + AwsCliNames.pascal(second == null ? "" : second);
                c = "delete".equals(second) ? Classification.DESTRUCTIVE
                        : READS.contains("workspace " + second) ? Classification.READ : Classification.WRITE;
            }
            default -> {
                op = AwsCliNames.pascal(sub.toLowerCase(Locale.ROOT));
                c = READS.contains(sub) ? Classification.READ : Classification.WRITE;
            }
        }
        String plan = null;
        if (c == Classification.DESTRUCTIVE && (sub.equals("destroy") || sub.equals("apply"))
                && a.operands().isEmpty()) {
            PlanResult p = plan(inv, ctx, dir, destroying, subArgs, unknown);
            plan = p.text();
            if (p.known() && p.resources().isEmpty() && !destroying && sub.equals("apply")) {
                // The plan destroys nothing: the apply creates and changes, a write.
                return List.of(new Recognised(call(inv, ctx, tool, op, Classification.WRITE, rest, dir, targets),
                        inv.text(), null));
            }
            if (!p.resources().isEmpty()) {
                return List.of(new Recognised(call(inv, ctx, tool, op, c, rest, dir, p.resources()),
                        inv.text(), plan));
            }
        } else if (c == Classification.DESTRUCTIVE) {
            plan = "the plan is the command itself: Airlock cannot tell in advance what `" + inv.text()
                    + "` would remove";
        }
        return List.of(new Recognised(call(inv, ctx, tool, op, c, rest, dir, targets), inv.text(), plan));
    }

    private record PlanResult(String text, List<String> resources, boolean known) {

        PlanResult(String text, List<String> resources) {
            this(text, resources, false);
        }
    }

    private static PlanResult plan(Invocation inv, ToolContext ctx, Path dir, boolean destroy, List<Word> args,
                                   boolean unknown) {
        String itself = "the plan is the command itself: `" + inv.text() + "`" + (dir == null ? "" : " in " + dir);
        TerraformPlans plans = ctx.terraformPlans();
        if (plans == null || dir == null || unknown || inv.program().dynamic()) {
            return new PlanResult(itself + " (no dry run of it was made)", List.of());
        }
        List<String> shaping = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String t = args.get(i).text();
            String name = t.contains("=") ? t.substring(0, t.indexOf('=')) : t;
            if (PLAN_SHAPING.contains(name)) {
                shaping.add(t);
                if (!t.contains("=") && i + 1 < args.size()) {
                    shaping.add(args.get(++i).text());
                }
            }
        }
        TerraformPlans.Outcome o = plans.plan(inv.program().text(), dir, destroy, shaping, inv.env());
        if (!o.known()) {
            return new PlanResult(itself + " (a dry run could not be made: " + o.failure() + ")", List.of());
        }
        List<String> resources = new ArrayList<>();
        for (String address : o.deleted()) {
            resources.add("terraform:" + dir + "#" + address);
        }
        String text = "terraform plan" + (destroy ? " -destroy" : "") + " says " + o.deleted().size()
                + " resource(s) would be destroyed" + preview(o.deleted())
                + (o.changed().isEmpty() ? "" : " and " + o.changed().size() + " created or changed");
        return new PlanResult(text, resources, true);
    }

    private static String preview(List<String> addresses) {
        if (addresses.isEmpty()) {
            return "";
        }
        List<String> shown = addresses.size() <= 5 ? addresses : addresses.subList(0, 5);
        return ": " + String.join(", ", shown) + (addresses.size() > 5 ? " and " + (addresses.size() - 5)
                + " more" : "");
    }

    /** Appends {@code TF_CLI_ARGS} and {@code TF_CLI_ARGS_<sub>}; true when one is set to an unknown value. */
    private static boolean addCliArgs(Env env, String sub, List<Word> subArgs) {
        boolean unknown = false;
        for (String name : List.of("TF_CLI_ARGS", "TF_CLI_ARGS_" + sub)) {
            if (env.isUnknown(name)) {
                unknown = true;
            }
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                for (String part : v.trim().split("\\s+")) {
                    subArgs.add(Word.literal(part));
                }
            }
        }
        return unknown;
    }

    private static List<String> targets(List<Word> args) {
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String t = args.get(i).text();
            if (t.startsWith("-target=")) {
                targets.add(t.substring(8));
            } else if (t.equals("-target") && i + 1 < args.size()) {
                targets.add(args.get(++i).text());
            }
        }
        return targets;
    }

    private static Call call(Invocation inv, ToolContext ctx, String tool, String op, Classification c,
                             List<Word> rest, Path dir, List<String> targets) {
        String where = dir == null ? "*" : dir.toString();
        List<String> resources = new ArrayList<>();
        if (targets.isEmpty()) {
            resources.add("terraform:" + where);
        } else {
            for (String t : targets) {
                resources.add(t.startsWith("terraform:") ? t : "terraform:" + where + "#" + t);
            }
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("Arguments", AwsCli.texts(rest));
        params.put("Directory", where);
        for (String name : List.of("TF_CLI_ARGS", "TF_CLI_ARGS_" + (rest.isEmpty() ? "" : rest.get(0).text()),
                "TF_WORKSPACE")) {
            if (inv.env().get(name) != null) {
                params.put(name, inv.env().get(name));
            }
        }
        return ctx.toolCall(tool, op, c, params, resources, inv);
    }
}
