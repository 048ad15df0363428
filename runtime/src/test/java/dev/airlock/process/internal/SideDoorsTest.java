package dev.airlock.process.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.call.Requester;
import dev.airlock.catalog.ActionCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The ways round the reader an agent tries once refused: each must still be read as what it would run. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class SideDoorsTest {

    private static final String RB = "s3:DeleteBucket DESTRUCTIVE";
    private static final String UNSEEN = "process:RunUnseen DESTRUCTIVE";
    private static final ToolContext REAL = new ToolContext(ActionCatalog.builtIn(),
            new Requester("dev", "host", 1, "test-tool", null), "123456789012", null);

    @TempDir
    Path dir;
    private Path bin;
    private Map<String, String> env;

    @BeforeEach
    void path() throws IOException {
        bin = Files.createDirectories(dir.resolve("bin"));
        Files.createDirectories(dir.resolve("home"));
        env = new HashMap<>(Map.of("PATH", bin + ":/usr/bin:/bin", "HOME", dir.resolve("home").toString()));
    }

    private List<String> sh(String script) {
        return run(List.of("/bin/sh", "-c", script), REAL);
    }

    private List<String> run(List<String> argv, ToolContext ctx) {
        return Fixtures.summary(CommandReader.read(argv, Env.of(env), dir, ctx).calls());
    }

    private Path executable(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    @Test
    void aSymlinkedOrCopiedAwsIsStillAws() throws IOException {
        Path aws = executable(dir.resolve("opt/aws"), "#!/usr/bin/python3\nimport sys\nimport awscli.clidriver\n"
                + "def main():\n    return awscli.clidriver.main()\nif __name__ == '__main__':\n    sys.exit(main())\n");
        Files.createSymbolicLink(bin.resolve("storage"), aws);
        Files.copy(aws, bin.resolve("helper"));

        assertThat(sh("storage s3 rb s3://b --force")).containsExactly(RB);
        assertThat(sh("./bin/helper s3 rb s3://b --force")).containsExactly(RB);
        assertThat(sh("helper s3 ls")).containsExactly("s3:ListAllMyBuckets READ");
    }

    @Test
    void theAwsCliV2InstallerLayoutIsAws() throws IOException {
        Path dist = Files.createDirectories(dir.resolve("aws-cli/v2/2.17.0/dist"));
        executable(dist.resolve("aws"), "\u007fELF binary");
        executable(dist.resolve("aws_completer"), "\u007fELF binary");
        Files.createDirectories(dist.resolve("awscli"));
        Files.createSymbolicLink(bin.resolve("cloud"), dist.resolve("aws"));

        assertThat(sh("cloud s3 rb s3://b --force")).containsExactly(RB);
    }

    @Test
    void scriptsWithoutAShebangOrAnExtensionAreReadAsTheShellWouldRunThem() throws IOException {
        executable(dir.resolve("teardown"), "aws s3 rb s3://b --force\n");
        executable(bin.resolve("cleanup"), "#!/bin/bash\nset -e\naws s3 rb s3://b --force\n");

        assertThat(sh("./teardown")).containsExactly(RB);
        assertThat(run(List.of(dir.resolve("teardown").toString()), REAL)).containsExactly(RB);
        assertThat(sh("cleanup")).containsExactly(RB);
        assertThat(run(List.of("cleanup"), REAL)).containsExactly(RB);
    }

    @Test
    void aScriptTooLargeOrNotTextIsHeldWhenItCouldStartATool() throws IOException {
        String filler = "# " + "x".repeat(1000) + "\n";
        executable(dir.resolve("big.sh"), "#!/bin/sh\n" + filler.repeat(600) + "aws s3 rb s3://b --force\n");
        executable(dir.resolve("big-quiet.sh"), "#!/bin/sh\n" + filler.repeat(600) + "echo done\n");
        Path nul = dir.resolve("nul.sh");
        Files.write(nul, ("#!/bin/sh\necho a\n\0\naws s3 rb s3://b --force\n").getBytes(StandardCharsets.UTF_8));
        Files.setPosixFilePermissions(nul, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(sh("./big.sh")).containsExactly(UNSEEN);
        assertThat(sh("bash big.sh")).containsExactly(UNSEEN);
        assertThat(sh("./nul.sh")).containsExactly(UNSEEN);
        assertThat(sh("sh ./nul.sh")).containsExactly(UNSEEN);
        assertThat(sh("./big-quiet.sh")).as("names no tool: it cannot start one by name").isEmpty();
    }

    @Test
    void whatOnlyTheRunningShellKnowsIsHeld() {
        assertThat(sh("bash <(echo aws s3 rb s3://b --force)")).containsExactly(UNSEEN);
        assertThat(sh("read X; $X s3 rb s3://b --force")).containsExactly(UNSEEN);
        assertThat(sh("C=$(cat cmd.txt); sh -c \"$C\"")).contains(UNSEEN);
        assertThat(sh("echo 'aws s3 ls' | bash -l")).containsExactly("s3:ListAllMyBuckets READ");
        assertThat(run(List.of("bash", "-l"), REAL)).as("a login shell's profile drops the shims")
                .containsExactly(UNSEEN);
        assertThat(sh("\"$JAVA_HOME/bin/java\" -version")).isEmpty();
        assertThat(sh("diff <(aws s3 rm s3://b/k) x")).containsExactly("s3:DeleteObject DESTRUCTIVE");
    }

    @Test
    void anInstalledProgramsOwnIntricateScriptDoesNotStopIt() throws IOException {
        executable(bin.resolve("launcher"), "#!/bin/sh\n" + "timeout 5 ".repeat(30) + "exec \"$JAVACMD\" \"$@\"\n");
        executable(bin.resolve("cleanup"), "#!/bin/sh\n" + "timeout 5 ".repeat(30) + "aws s3 ls\n");

        assertThat(run(List.of("launcher", "build"), REAL)).isEmpty();
        assertThat(CommandReader.read(List.of("launcher"), Env.of(env), dir, REAL).unwrapped().unreadable())
                .isEmpty();
        assertThat(CommandReader.read(List.of("./bin/cleanup"), Env.of(env), dir, REAL).unwrapped().unreadable())
                .as("a script the command names itself still fails closed past the bound").isNotEmpty();
    }

    @Test
    void shellsReadingTheirStandardInputAreLeftToTheShims() {
        assertThat(run(List.of("bash", "-s"), REAL)).isEmpty();
        assertThat(run(List.of("bash", "-i"), REAL)).isEmpty();
        assertThat(run(List.of("sh"), REAL)).isEmpty();
    }

    static Stream<Arguments> wrappers() {
        return Stream.of(
                Arguments.of("runuser -u app -- aws s3 rb s3://b --force"),
                Arguments.of("runuser app -c 'aws s3 rb s3://b --force'"),
                Arguments.of("taskset -c 0 aws s3 rb s3://b --force"),
                Arguments.of("taskset 0x1 aws s3 rb s3://b --force"),
                Arguments.of("chroot --userspec=app / aws s3 rb s3://b --force"),
                Arguments.of("script -qc 'aws s3 rb s3://b --force' /dev/null"),
                Arguments.of("script -c 'aws s3 rb s3://b --force'"),
                Arguments.of("strace -f -o /tmp/t aws s3 rb s3://b --force"),
                Arguments.of("ltrace -e malloc aws s3 rb s3://b --force"),
                Arguments.of("nice -n 5 ionice -c 3 stdbuf -oL setsid aws s3 rb s3://b --force"),
                Arguments.of("flock /tmp/l aws s3 rb s3://b --force"),
                Arguments.of("watch -n 1 aws s3 rb s3://b --force"),
                Arguments.of("parallel aws s3 rb --force ::: s3://b"),
                Arguments.of("echo 'aws s3 rb s3://b --force' | parallel"),
                Arguments.of("echo " + b64("aws s3 rb s3://b --force") + " | base64 -d | bash"),
                Arguments.of("echo " + b64("aws s3 rb s3://b --force") + " | base64 --decode | sh -s"),
                Arguments.of("eval \"$(echo " + b64("aws s3 rb s3://b --force") + " | base64 -d)\""),
                Arguments.of("echo " + HexFormat.of().formatHex("aws s3 rb s3://b --force".getBytes(
                        StandardCharsets.UTF_8)) + " | xxd -r -p | bash"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrappers")
    void wrappersAreUnwrapped(String script) {
        assertThat(sh(script)).containsExactly(RB);
    }

    @Test
    void tracingAProcessByItsIdStartsNothing() {
        assertThat(sh("strace -p 123; taskset -p 0x1 123")).isEmpty();
    }

    @Test
    void awsParametersFromFilesAndShorthandMeetTheSameRequestRules() throws IOException {
        Files.writeString(dir.resolve("batch.json"), "{\"t\": [{\"PutRequest\": {\"Item\": {\"k\": {\"S\": \"a\"}}}},"
                + " {\"DeleteRequest\": {\"Key\": {\"k\": {\"S\": \"b\"}}}}]}");
        Files.writeString(dir.resolve("puts.json"), "{\"t\": [{\"PutRequest\": {\"Item\": {\"k\": {\"S\": \"a\"}}}}]}");
        Files.writeString(dir.resolve("tx.json"), "[{\"Delete\": {\"TableName\": \"t\", \"Key\": {\"k\": {\"S\": \"a\"}}}}]");
        Files.writeString(dir.resolve("cb.json"), "{\"Changes\": [{\"Action\": \"DELETE\", \"ResourceRecordSet\": "
                + "{\"Name\": \"a.example.com\", \"Type\": \"A\"}}]}");
        Files.writeString(dir.resolve("in.yaml"), "HostedZoneId: Z1\nChangeBatch:\n  Changes:\n  - Action: DELETE\n"
                + "    ResourceRecordSet: {Name: a.example.com, Type: A}\n");

        assertThat(sh("aws dynamodb batch-write-item --request-items file://batch.json"))
                .containsExactly("dynamodb:BatchWriteItem DESTRUCTIVE");
        assertThat(sh("aws dynamodb batch-write-item --request-items file://puts.json"))
                .containsExactly("dynamodb:BatchWriteItem WRITE");
        assertThat(sh("aws dynamodb transact-write-items --transact-items file://tx.json"))
                .singleElement().asString().endsWith("DESTRUCTIVE");
        assertThat(sh("aws route53 change-resource-record-sets --hosted-zone-id Z1 --change-batch file://cb.json"))
                .containsExactly("route53:ChangeResourceRecordSets DESTRUCTIVE");
        assertThat(sh("aws route53 change-resource-record-sets --hosted-zone-id Z1 --change-batch "
                + "'Changes=[{Action=DELETE,ResourceRecordSet={Name=a.example.com,Type=A}}]'"))
                .containsExactly("route53:ChangeResourceRecordSets DESTRUCTIVE");
        assertThat(sh("aws route53 change-resource-record-sets --hosted-zone-id Z1 --change-batch "
                + "'Changes=[{Action=CREATE,ResourceRecordSet={Name=a.example.com,Type=A}}]'"))
                .containsExactly("route53:ChangeResourceRecordSets WRITE");
        assertThat(sh("aws route53 change-resource-record-sets --cli-input-yaml file://in.yaml"))
                .containsExactly("route53:ChangeResourceRecordSets DESTRUCTIVE");
        assertThat(sh("aws dynamodb batch-write-item --request-items file://missing.json"))
                .as("an unread file is not a harmless request").singleElement().asString().startsWith("dynamodb:");
    }

    @Test
    void aCliAliasIsWhatItStandsFor() throws IOException {
        Path alias = Files.createDirectories(dir.resolve("home/.aws/cli")).resolve("alias");
        Files.writeString(alias, "[toplevel]\nwipe = s3 rb --force\nclean =\n  !f() {\n"
                + "    aws s3 rb \"s3://$1\" --force\n  }; f\nwho = sts get-caller-identity\n");

        assertThat(sh("aws wipe s3://b")).containsExactly(RB);
        assertThat(sh("aws clean b")).containsExactly(RB);
        assertThat(sh("aws who")).containsExactly("sts:GetCallerIdentity READ");
    }

    @Test
    void aTerraformApplyIsDecidedByWhatItsPlanDestroys() {
        ToolContext destroys = plans(List.of("aws_s3_bucket.data"));
        ToolContext keeps = plans(List.of());

        assertThat(run(List.of("terraform", "apply"), destroys)).containsExactly("terraform:Apply DESTRUCTIVE");
        assertThat(run(List.of("/bin/sh", "-c", "echo yes | terraform apply"), destroys))
                .containsExactly("terraform:Apply DESTRUCTIVE");
        assertThat(run(List.of("terraform", "apply"), keeps)).containsExactly("terraform:Apply WRITE");
        assertThat(run(List.of("terraform", "apply"), REAL)).as("no plan could be made")
                .containsExactly("terraform:Apply DESTRUCTIVE");
    }

    private static ToolContext plans(List<String> deleted) {
        TerraformPlans p = (program, d, destroy, args, e) -> new TerraformPlans.Outcome(deleted, List.of("x"), null);
        return new ToolContext(ActionCatalog.builtIn(), REAL.requester(), null, p);
    }

    @Test
    void deploysThatAskNobodyAndTheOtherTeardownTools() throws IOException {
        Files.writeString(dir.resolve("samconfig.toml"), "[default.deploy.parameters]\nconfirm_changeset = true\n");
        List<String> rows = new ArrayList<>();
        for (String c : List.of("cdk deploy --require-approval never", "cdk deploy Web", "cdk deploy ProdApi",
                "sam deploy --no-confirm-changeset", "sam deploy", "serverless remove --stage dev", "sls deploy",
                "cdktf destroy", "cdktf deploy --auto-approve", "aws-nuke run -c n.yml --no-dry-run",
                "aws-nuke -c n.yml", "s5cmd rm 's3://b/*'", "s5cmd ls s3://b", "copilot app delete --yes",
                "copilot svc ls", "sst remove --stage prod", "sst deploy --stage dev")) {
            rows.add(c + " -> " + String.join(",", sh(c)));
        }
        assertThat(rows).containsExactly(
                "cdk deploy --require-approval never -> cdk:Deploy DESTRUCTIVE",
                "cdk deploy Web -> cdk:Deploy WRITE",
                "cdk deploy ProdApi -> cdk:Deploy DESTRUCTIVE",
                "sam deploy --no-confirm-changeset -> sam:Deploy DESTRUCTIVE",
                "sam deploy -> sam:Deploy WRITE",
                "serverless remove --stage dev -> serverless:Remove DESTRUCTIVE",
                "sls deploy -> serverless:Deploy WRITE",
                "cdktf destroy -> cdktf:Destroy DESTRUCTIVE",
                "cdktf deploy --auto-approve -> cdktf:Deploy DESTRUCTIVE",
                "aws-nuke run -c n.yml --no-dry-run -> aws-nuke:Nuke DESTRUCTIVE",
                "aws-nuke -c n.yml -> aws-nuke:DryRun READ",
                "s5cmd rm 's3://b/*' -> s5cmd:Rm DESTRUCTIVE",
                "s5cmd ls s3://b -> s5cmd:Ls READ",
                "copilot app delete --yes -> copilot:AppDelete DESTRUCTIVE",
                "copilot svc ls -> copilot:SvcLs READ",
                "sst remove --stage prod -> sst:Remove DESTRUCTIVE",
                "sst deploy --stage dev -> sst:Deploy WRITE");
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
