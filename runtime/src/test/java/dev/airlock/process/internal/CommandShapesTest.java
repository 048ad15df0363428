package dev.airlock.process.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shapes a destructive command hides in: shells, chaining, launchers, paths and quoting. Each row is a
 * command as the JVM would start it, and the calls Airlock must find in it.
 */
class CommandShapesTest {

    private static final String RB = "s3:DeleteBucket DESTRUCTIVE";
    private static final String TF_DESTROY = "terraform:Destroy DESTRUCTIVE";
    private static final String K_DELETE = "kubectl:Delete DESTRUCTIVE";

    static Stream<Arguments> shapes() {
        return Stream.of(
                row("plain argv", argv("aws", "s3", "rb", "s3://b", "--force"), RB),
                row("absolute path", argv("/usr/local/bin/aws", "s3api", "delete-bucket", "--bucket", "b"), RB),
                row("sh -c string", sh("aws s3 rb s3://b --force"), RB),
                row("bash -lc string", argv("bash", "-lc", "terraform destroy -auto-approve"), TF_DESTROY),
                row("bash with options before -c", argv("/bin/bash", "-e", "-o", "pipefail", "-c",
                        "kubectl delete ns prod"), K_DELETE),
                row("&& chain", sh("cd infra && terraform destroy -auto-approve"), TF_DESTROY),
                row("|| chain", sh("false || kubectl delete ns prod"), K_DELETE),
                row("; sequence", sh("echo hi; helm uninstall web"), "helm:Uninstall DESTRUCTIVE"),
                row("| pipe into xargs", sh("echo b | xargs -I{} aws s3 rb s3://{} --force"), RB),
                row("env with assignment", argv("env", "AWS_REGION=eu-west-1", "aws", "ec2",
                        "terminate-instances", "--instance-ids", "i-1"), "ec2:TerminateInstances DESTRUCTIVE"),
                row("env -i by absolute path", argv("/usr/bin/env", "-i", "PATH=/bin", "kubectl", "delete",
                        "pod", "x"), K_DELETE),
                row("env -S split string", argv("env", "-S", "kubectl delete ns prod"), K_DELETE),
                row("xargs with unknown input", argv("xargs", "aws", "s3", "rb", "--force"), RB),
                row("timeout", argv("timeout", "30", "terraform", "destroy"), TF_DESTROY),
                row("timeout with options", argv("timeout", "-s", "KILL", "-k", "5", "60s", "kubectl", "drain",
                        "node-1"), "kubectl:Drain DESTRUCTIVE"),
                row("nohup", argv("nohup", "cdk", "destroy", "--all", "--force"), "cdk:Destroy DESTRUCTIVE"),
                row("double-quoted words", sh("\"aws\" \"s3\" \"rb\" \"s3://b\" --force"), RB),
                row("single quotes inside a word", sh("a'w's s3 r'b' s3://b --force"), RB),
                row("backslash escapes", sh("a\\ws s3 r\\b s3://b --force"), RB),
                row("ANSI-C quoting", argv("bash", "-c", "$'\\x61ws' s3 rb s3://b --force"), RB),
                row("variable as subcommand", sh("X=rb; aws s3 $X s3://b --force"), RB),
                row("variable split into words", sh("C=\"s3 rb\"; aws $C s3://b --force"), RB),
                row("positional parameter", argv("sh", "-c", "aws s3 rb \"$1\" --force", "sh", "s3://b"), RB),
                row("\"$@\" runs the arguments", argv("sh", "-c", "\"$@\"", "sh", "aws", "s3", "rb", "s3://b",
                        "--force"), RB),
                row("command substitution", sh("echo $(terraform destroy -auto-approve)"), TF_DESTROY),
                row("backquotes", sh("echo `kubectl delete ns prod`"), K_DELETE),
                row("shells nested three deep", argv("bash", "-c", "sh -c 'bash -lc \"pulumi destroy --yes\"'"),
                        "pulumi:Destroy DESTRUCTIVE"),
                row("here-document to bash", sh("bash <<EOF\nkubectl delete ns prod\nEOF"), K_DELETE),
                row("here-string to bash", argv("bash", "-c", "bash <<< 'helm uninstall web'"),
                        "helm:Uninstall DESTRUCTIVE"),
                row("echo piped into a shell", sh("echo 'terraform destroy -auto-approve' | bash"), TF_DESTROY),
                row("eval", sh("eval \"helm uninstall web\""), "helm:Uninstall DESTRUCTIVE"),
                row("sudo with options", argv("sudo", "-E", "-u", "root", "aws", "s3", "rb", "s3://b", "--force"),
                        RB),
                row("npx package runner", argv("npx", "-y", "aws-cdk@2", "destroy", "App", "--force"),
                        "cdk:Destroy DESTRUCTIVE"),
                row("find -execdir", argv("find", ".", "-name", "main.tf", "-execdir", "terraform", "destroy",
                        "-auto-approve", ";"), TF_DESTROY),
                row("if / then", sh("if true; then eksctl delete cluster --name prod; fi"),
                        "eksctl:DeleteCluster DESTRUCTIVE"),
                row("for loop over a known list", sh("for b in a c; do aws s3 rb s3://$b --force; done"), RB),
                row("subshell", sh("(cd x; sam delete --stack-name s --no-prompts)"), "sam:Delete DESTRUCTIVE"),
                row("program computed by a substitution", sh("$(command -v aws) s3 rb s3://b --force"), RB),
                row("watch hands its words to sh -c", argv("watch", "-n", "5",
                        "kubectl scale deploy web --replicas=0"), "kubectl:Scale DESTRUCTIVE"),
                row("python -m awscli", argv("python3", "-m", "awscli", "s3", "rb", "s3://b", "--force"), RB),
                row("TF_CLI_ARGS_apply adds -auto-approve", argv("env", "TF_CLI_ARGS_apply=-auto-approve",
                        "terraform", "apply"), "terraform:Apply DESTRUCTIVE"),
                row("exec builtin", sh("exec kubectl delete ns prod"), K_DELETE),
                row("nice and stdbuf", argv("nice", "-n", "10", "stdbuf", "-oL", "kubectl", "delete", "pod", "x"),
                        K_DELETE),
                row("aws-vault exec", argv("aws-vault", "exec", "prod", "--", "aws", "s3", "rb", "s3://b",
                        "--force"), RB),
                row("busybox sh", argv("busybox", "sh", "-c", "kubectl delete ns prod"), K_DELETE),
                row("newline separates commands", sh("echo a\nterraform destroy"), TF_DESTROY),
                row("& puts it in the background", sh("kubectl delete ns prod & wait"), K_DELETE),
                row("redirections around it", sh("kubectl delete ns prod >/dev/null 2>&1 </dev/null"), K_DELETE),
                row("line continuation", sh("kubectl \\\n  delete ns prod"), K_DELETE),
                row("printf piped into xargs twice", sh("printf '%s\\n' a b | xargs -I{} aws s3 rb s3://{} --force"),
                        RB, RB),
                row("subcommand read at run time", sh("read CMD; terraform $CMD"),
                        "terraform:UnresolvedCommand DESTRUCTIVE"),
                row("reads pass", sh("aws s3 ls && terraform plan && kubectl get pods"),
                        "s3:ListAllMyBuckets READ", "terraform:Plan READ", "kubectl:Get READ"),
                row("unknown programs make no calls", argv("ls", "-la")),
                row("a comment is not a command", sh("# aws s3 rb s3://b --force\necho hi")),
                row("an operator inside quotes is text", sh("echo \"a && aws s3 rb s3://b --force\"")),
                row("command -v only looks it up", sh("command -v kubectl")),
                row("help runs nothing", argv("aws", "s3", "rb", "help")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void findsWhatTheCommandWouldDo(String shape, List<String> argv, List<String> expected) {
        assertThat(Fixtures.summary(Fixtures.calls(argv))).containsExactlyElementsOf(expected);
    }

    private static Arguments row(String shape, List<String> argv, String... expected) {
        return Arguments.of(shape, argv, List.of(expected));
    }

    private static List<String> argv(String... words) {
        return List.of(words);
    }

    private static List<String> sh(String script) {
        return List.of("sh", "-c", script);
    }
}
