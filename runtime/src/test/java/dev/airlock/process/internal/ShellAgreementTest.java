package dev.airlock.process.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Airlock's reading of a script against what a real shell runs: each script runs unguarded in {@code /bin/sh}
 * (or bash) with fake tools that record their arguments, and every run they record must be among the
 * programs Airlock found, with the same arguments.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class ShellAgreementTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
            "sh|aws s3 rb s3://b --force",
            "sh|cd sub && terraform destroy -auto-approve",
            "sh|false || kubectl delete ns prod; helm uninstall web",
            "sh|X=rb; aws s3 $X s3://b --force",
            "sh|C=\"s3 rb\"; aws $C s3://b",
            "sh|B=${UNSET_VAR:-fallback}; aws s3 rb \"s3://$B\"",
            "sh|\"aws\" 's3' \"r\"'b' s3://b\\ c",
            "sh|echo 'terraform destroy -auto-approve' | sh",
            "sh|sh <<EOF\nkubectl delete ns prod\nEOF",
            "sh|sh <<'EOF'\nkubectl delete ns \"$HOME\"\nEOF",
            "sh|sh <<EOF\nkubectl delete ns \"$HOME\"\nEOF",
            "sh|eval \"pulumi destroy --yes\"",
            "sh|printf '%s\\n' a b | xargs -I{} aws s3 rb s3://{} --force",
            "sh|echo one two | xargs -n1 aws s3 rb",
            "sh|for b in a c; do aws s3 rb s3://$b; done",
            "sh|echo $(kubectl delete pod x) `helm uninstall y`",
            "sh|$(command -v aws) s3 rb s3://b",
            "sh|timeout 5 nohup env AWS_REGION=eu-west-1 aws ec2 terminate-instances --instance-ids i-1",
            "sh|env -i PATH=\"$PATH\" kubectl drain node-1",
            "sh|sh -c 'bash -c \"terraform state rm aws_s3_bucket.b\"'",
            "sh|sh -c 'aws s3 rb \"$1\" --force' sh s3://positional",
            "sh|set -- x y; kubectl delete pod \"$@\"",
            "sh|kubectl \\\n  delete ns prod",
            "sh|(cd sub; exec sam delete --stack-name s)",
            "sh|if true; then eksctl delete cluster --name prod; fi",
            "sh|kubectl delete ns prod >/dev/null 2>&1 &\nwait",
            "sh|cdk destroy A # cdk destroy B",
            "bash|aws $'s3' rb $'s3://b\\x21'",
            "bash|bash <<< 'helm uninstall web'",
            "bash|f() { terraform destroy; }; f",
            "bash|env -S 'kubectl delete ns prod'",
    })
    void everyToolRunTheShellMakesWasFound(String row) throws Exception {
        String shell = row.substring(0, row.indexOf('|'));
        String script = row.substring(row.indexOf('|') + 1);
        FakeTools tools = FakeTools.install(dir);
        Files.createDirectories(dir.resolve("sub"));
        Map<String, String> env = new HashMap<>();
        env.put("PATH", tools.path());
        env.put("HOME", dir.toString());
        List<String> argv = List.of("/bin/" + shell, "-c", script);

        runUnguarded(argv, env);
        List<Invocation> found = Unwrapper.unwrap(argv, Env.of(env), dir).invocations();

        assertThat(tools.runs()).as("the shell ran tools").isNotEmpty();
        for (List<String> run : tools.runs()) {
            assertThat(found).as("found %s", run).anyMatch(inv -> covers(inv, run));
        }
    }

    /** The invocation is this run: same program and arguments, a word known only at run time standing for any. */
    private static boolean covers(Invocation inv, List<String> run) {
        String name = inv.program().dynamic() ? Tools.guess(inv.program().text()) : inv.name();
        if (!run.get(0).equals(name) || inv.args().size() != run.size() - 1) {
            return false;
        }
        for (int i = 0; i < inv.args().size(); i++) {
            Word w = inv.args().get(i);
            if (!w.dynamic() && !w.text().equals(run.get(i + 1))) {
                return false;
            }
        }
        return true;
    }

    private void runUnguarded(List<String> argv, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the shell did not finish");
        }
    }
}
