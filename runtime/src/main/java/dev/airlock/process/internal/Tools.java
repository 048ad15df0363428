package dev.airlock.process.internal;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The tools Airlock recognises, by program name. Any other program is not Airlock's concern. */
public final class Tools {

    private static final Tool AWS = new AwsCli();
    private static final Tool TERRAFORM = new Terraform();
    private static final Tool KUBECTL = new Kubectl();
    private static final Map<String, Tool> BY_NAME = Map.ofEntries(
            Map.entry("aws", AWS), Map.entry("aws2", AWS),
            Map.entry("terraform", TERRAFORM), Map.entry("tofu", TERRAFORM), Map.entry("terragrunt", TERRAFORM),
            Map.entry("kubectl", KUBECTL), Map.entry("oc", KUBECTL),
            Map.entry("cdk", new InfraTools.Cdk()),
            Map.entry("pulumi", new InfraTools.Pulumi()),
            Map.entry("eksctl", new InfraTools.Eksctl()),
            Map.entry("sam", new InfraTools.Sam()),
            Map.entry("helm", new InfraTools.Helm()), Map.entry("helm3", new InfraTools.Helm()),
            Map.entry("serverless", DeployTools.serverless()), Map.entry("sls", DeployTools.serverless()),
            Map.entry("cdktf", DeployTools.cdktf()),
            Map.entry("aws-nuke", new DeployTools.AwsNuke()),
            Map.entry("s5cmd", DeployTools.s5cmd()),
            Map.entry("copilot", DeployTools.copilot()),
            Map.entry("sst", DeployTools.sst()));
    private static final Pattern NAMED = Pattern.compile(
            "(?<![A-Za-z0-9_-])(aws|terraform|tofu|terragrunt|kubectl|cdk|cdktf|pulumi|eksctl|sam|helm|serverless|sls"
                    + "|aws-nuke|s5cmd|copilot|sst)(?![A-Za-z0-9_-])");

    private Tools() {
    }

    /** Whether {@code program} (a name or a path) names a recognised tool. */
    public static boolean isRecognised(String program) {
        return program != null && BY_NAME.containsKey(Programs.name(program));
    }

    /** The names a shim is made for: every recognised tool. */
    public static java.util.Set<String> shimmed() {
        return new java.util.TreeSet<>(BY_NAME.keySet());
    }

    /** The tool, or null. */
    static Tool named(String name) {
        return BY_NAME.get(name);
    }

    /**
     * For a program the script computes ({@code $(which aws)}, {@code $TF}): the tool its text names, if it
     * names exactly one, so {@code "$(command -v terraform)" destroy} is still Terraform.
     */
    static String guess(String programText) {
        Matcher m = NAMED.matcher(programText);
        String found = null;
        while (m.find()) {
            if (found != null && !found.equals(m.group(1))) {
                return null;
            }
            found = m.group(1);
        }
        return found;
    }
}
