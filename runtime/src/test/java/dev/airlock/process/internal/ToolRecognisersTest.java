package dev.airlock.process.internal;

import static dev.airlock.process.internal.Fixtures.calls;
import static dev.airlock.process.internal.Fixtures.summary;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.call.Call;
import dev.airlock.call.Classification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolRecognisersTest {

    private static List<String> of(String... argv) {
        return summary(calls(List.of(argv)));
    }

    @Test
    void terraformDestroysWithDestroyApplyDestroyAndUnattendedApply() {
        assertThat(of("terraform", "destroy")).containsExactly("terraform:Destroy DESTRUCTIVE");
        assertThat(of("terraform", "apply", "-destroy")).containsExactly("terraform:Destroy DESTRUCTIVE");
        assertThat(of("terraform", "apply", "-auto-approve")).containsExactly("terraform:Apply DESTRUCTIVE");
        assertThat(of("terraform", "apply", "tfplan")).as("a saved plan applies without asking")
                .containsExactly("terraform:Apply DESTRUCTIVE");
        assertThat(of("terraform", "apply")).as("a child's stdin is a pipe that may answer yes; no plan was made")
                .containsExactly("terraform:Apply DESTRUCTIVE");
        assertThat(of("terraform", "state", "rm", "aws_s3_bucket.b")).containsExactly("terraform:StateRm DESTRUCTIVE");
        assertThat(of("terraform", "state", "list")).containsExactly("terraform:StateList READ");
        assertThat(of("terraform", "-chdir=infra", "plan", "-destroy")).containsExactly("terraform:Plan READ");
        assertThat(of("terraform", "-version")).isEmpty();
    }

    @Test
    void openTofuAndTerragruntAreTerraform() {
        assertThat(of("tofu", "destroy", "-auto-approve")).containsExactly("tofu:Destroy DESTRUCTIVE");
        assertThat(of("terragrunt", "run-all", "destroy")).containsExactly("terragrunt:Destroy DESTRUCTIVE");
        assertThat(of("terragrunt", "apply", "--terragrunt-non-interactive"))
                .containsExactly("terragrunt:Apply DESTRUCTIVE");
    }

    @Test
    void terraformNamesItsDirectoryAndTargets() {
        Call call = calls(List.of("terraform", "-chdir=infra", "destroy", "-target=aws_s3_bucket.logs")).get(0).call();

        assertThat(call.origin()).isEqualTo("process");
        assertThat(call.resources()).containsExactly("terraform:/work/project/infra#aws_s3_bucket.logs");
        assertThat(call.parameters()).containsEntry("Directory", "/work/project/infra");
    }

    @Test
    void withoutADryRunThePlanIsTheCommandItself() {
        Recognised r = calls(List.of("terraform", "destroy")).get(0);

        assertThat(r.plan()).contains("the plan is the command itself", "terraform destroy");
    }

    @Test
    void aTerraformPlanNamesWhatWouldGo() {
        TerraformPlans plans = (program, dir, destroy, args, env) -> new TerraformPlans.Outcome(
                List.of("aws_s3_bucket.data", "aws_dynamodb_table.orders"), List.of(), null);
        ToolContext ctx = new ToolContext(new TestCatalog(), Fixtures.TOOLS.requester(), null, plans);

        Recognised r = CommandReader.read(List.of("terraform", "destroy"), Fixtures.ENV, Fixtures.DIR, ctx)
                .calls().get(0);

        assertThat(r.plan()).contains("2 resource(s) would be destroyed", "aws_s3_bucket.data");
        assertThat(r.call().resources()).containsExactly("terraform:/work/project#aws_s3_bucket.data",
                "terraform:/work/project#aws_dynamodb_table.orders");
    }

    @Test
    void aFailedTerraformPlanSaysSoAndTheCommandIsStillDestructive() {
        TerraformPlans plans = (program, dir, destroy, args, env) -> TerraformPlans.Outcome.failed("no state");
        ToolContext ctx = new ToolContext(new TestCatalog(), Fixtures.TOOLS.requester(), null, plans);

        Recognised r = CommandReader.read(List.of("terraform", "destroy"), Fixtures.ENV, Fixtures.DIR, ctx)
                .calls().get(0);

        assertThat(r.plan()).contains("the plan is the command itself", "no state");
        assertThat(r.call().classification()).isEqualTo(Classification.DESTRUCTIVE);
    }

    @Test
    void kubectlDestroysWithDeleteDrainAndScaleToZero() {
        assertThat(of("kubectl", "delete", "pod", "web-1")).containsExactly("kubectl:Delete DESTRUCTIVE");
        assertThat(of("kubectl", "-n", "prod", "drain", "node-1", "--ignore-daemonsets"))
                .containsExactly("kubectl:Drain DESTRUCTIVE");
        assertThat(of("kubectl", "scale", "deploy/web", "--replicas=0")).containsExactly("kubectl:Scale DESTRUCTIVE");
        assertThat(of("kubectl", "scale", "deploy/web", "--replicas", "0")).containsExactly("kubectl:Scale DESTRUCTIVE");
        assertThat(of("kubectl", "scale", "deploy/web", "--replicas=3")).containsExactly("kubectl:Scale WRITE");
        assertThat(of("kubectl", "apply", "-f", "k8s/", "--prune", "-l", "app=web"))
                .containsExactly("kubectl:ApplyPrune DESTRUCTIVE");
        assertThat(of("kubectl", "apply", "-f", "k8s/")).containsExactly("kubectl:Apply WRITE");
        assertThat(of("kubectl", "get", "pods", "-A")).containsExactly("kubectl:Get READ");
        assertThat(of("oc", "delete", "project", "x")).containsExactly("kubectl:Delete DESTRUCTIVE");
    }

    @Test
    void aKubectlDryRunChangesNothing() {
        assertThat(of("kubectl", "delete", "ns", "prod", "--dry-run=client")).containsExactly("kubectl:Delete READ");
        assertThat(of("kubectl", "delete", "ns", "prod", "--dry-run=none"))
                .containsExactly("kubectl:Delete DESTRUCTIVE");
    }

    @Test
    void kubectlNamesTheObjects() {
        Call call = calls(List.of("kubectl", "--context", "prod", "-n", "shop", "delete", "pod", "a", "b"))
                .get(0).call();

        assertThat(call.resources()).containsExactly("kubernetes:prod/shop/pod/a", "kubernetes:prod/shop/pod/b");
        assertThat(calls(List.of("kubectl", "delete", "deploy/web")).get(0).call().resources())
                .containsExactly("kubernetes:current/default/deploy/web");
        assertThat(calls(List.of("kubectl", "delete", "pods", "--all", "-A")).get(0).call().resources())
                .containsExactly("kubernetes:current/*/pods/*");
    }

    @Test
    void cdkPulumiEksctlSamAndHelm() {
        assertThat(of("cdk", "destroy", "AppStack")).containsExactly("cdk:Destroy DESTRUCTIVE");
        assertThat(of("cdk", "deploy", "AppStack")).containsExactly("cdk:Deploy WRITE");
        assertThat(of("cdk", "diff")).containsExactly("cdk:Diff READ");
        assertThat(of("pulumi", "destroy")).containsExactly("pulumi:Destroy DESTRUCTIVE");
        assertThat(of("pulumi", "up", "--yes")).containsExactly("pulumi:Up DESTRUCTIVE");
        assertThat(of("pulumi", "up")).containsExactly("pulumi:Up WRITE");
        assertThat(of("pulumi", "preview")).containsExactly("pulumi:Preview READ");
        assertThat(of("eksctl", "delete", "cluster", "--name", "prod")).containsExactly("eksctl:DeleteCluster DESTRUCTIVE");
        assertThat(of("eksctl", "get", "clusters")).containsExactly("eksctl:GetClusters READ");
        assertThat(of("sam", "delete", "--stack-name", "app")).containsExactly("sam:Delete DESTRUCTIVE");
        assertThat(of("sam", "build")).containsExactly("sam:Build READ");
        assertThat(of("helm", "uninstall", "web", "-n", "shop")).containsExactly("helm:Uninstall DESTRUCTIVE");
        assertThat(of("helm", "delete", "web")).containsExactly("helm:Uninstall DESTRUCTIVE");
        assertThat(of("helm", "list")).containsExactly("helm:List READ");
    }

    @Test
    void pulumiSkipConfirmationsInTheEnvironmentIsYes() {
        List<Recognised> found = CommandReader.read(List.of("pulumi", "up"),
                Env.of(Map.of("PULUMI_SKIP_CONFIRMATIONS", "true")), Fixtures.DIR, Fixtures.TOOLS).calls();

        assertThat(summary(found)).containsExactly("pulumi:Up DESTRUCTIVE");
    }

    @Test
    void cdkAndSamNameCloudFormationStacks() {
        Call cdk = calls(List.of("env", "AWS_REGION=eu-west-1", "cdk", "destroy", "AppStack")).get(0).call();

        assertThat(cdk.resources()).containsExactly(
                "arn:aws:cloudformation:eu-west-1:123456789012:stack/AppStack/*");
    }
}
