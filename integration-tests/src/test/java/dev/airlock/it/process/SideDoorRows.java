package dev.airlock.it.process;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** The table: each door of the issue, the shapes the guard already read, and the reads that must still work. */
final class SideDoorRows {

    private static final Row.Setup NOTHING = (dir, bin, python) -> { };

    private SideDoorRows() {
    }

    static List<Row> all() {
        List<Row> rows = new ArrayList<>();
        // Grandchildren: programs that start the tool themselves, where the process hook never looks.
        rows.add(destroy("make-teardown", "make teardown", List.of("make"), List.of("make", "teardown"),
                (dir, bin, py) -> Files.writeString(dir.resolve("Makefile"),
                        "teardown:\n\taws s3 rb s3://victim --force\n")));
        rows.add(destroy("npm-run", "npm run teardown", List.of("npm"), List.of("npm", "run", "--silent", "teardown"),
                (dir, bin, py) -> Files.writeString(dir.resolve("package.json"), "{\"name\": \"x\", \"version\": "
                        + "\"1.0.0\", \"scripts\": {\"teardown\": \"aws s3 rb s3://victim --force\"}}\n")));
        rows.add(destroy("perl-system", "perl -e 'system ...'", List.of("perl"),
                List.of("perl", "-e", "exit(system('aws', 's3', 'rb', 's3://victim', '--force') >> 8)"), NOTHING));
        rows.add(destroy("node-execfile", "node -e 'execFile(...)'", List.of("node"), List.of("node", "-e",
                "require('child_process').execFileSync('aws', ['s3', 'rb', 's3://victim', '--force'])"), NOTHING));
        rows.add(destroy("awk-system", "awk 'BEGIN{system(...)}'", List.of("awk"),
                List.of("awk", "BEGIN { exit system(\"aws s3 rb s3://victim --force\") }"), NOTHING));
        rows.add(destroy("python-subprocess", "a Python script that calls subprocess.run([\"aws\", ...])",
                List.of("python3"), List.of("{python}", "teardown.py"), (dir, bin, py) -> Files.writeString(
                        dir.resolve("teardown.py"), "import subprocess, sys\n"
                                + "sys.exit(subprocess.run(['aws', 's3', 'rb', 's3://victim', '--force']).returncode)\n")));
        // Scripts.
        rows.add(destroy("no-shebang", "a script without a shebang", List.of(), List.of("{dir}/teardown"),
                (dir, bin, py) -> StandInTools.executable(dir.resolve("teardown"), "aws s3 rb s3://victim --force\n")));
        rows.add(destroy("path-script", "a script on PATH without an extension", List.of(), List.of("nuke-victim"),
                (dir, bin, py) -> StandInTools.executable(bin.resolve("nuke-victim"),
                        "#!/bin/sh\nset -e\naws s3 rb s3://victim --force\n")));
        rows.add(destroy("big-script", "a 512 KiB script", List.of(), List.of("/bin/sh", "big.sh"),
                (dir, bin, py) -> Files.writeString(dir.resolve("big.sh"), ("# " + "x".repeat(1022) + "\n")
                        .repeat(520) + "aws s3 rb s3://victim --force\n")));
        rows.add(destroy("nul-script", "a script with a NUL byte", List.of(), List.of("/bin/bash", "nul.sh"),
                (dir, bin, py) -> Files.write(dir.resolve("nul.sh"),
                        "echo start\n: '\0'\naws s3 rb s3://victim --force\n".getBytes())));
        rows.add(destroy("process-substitution", "process substitution", List.of(),
                List.of("/bin/bash", "-c", "bash <(echo aws s3 rb s3://victim --force)"), NOTHING));
        // Shells reading their standard input, written by the JVM through the Process stream.
        rows.add(destroy("bash-s", "bash -s", List.of(), List.of("/bin/bash", "-s"), "aws s3 rb s3://victim --force\n"));
        rows.add(destroy("bash-i", "bash -i", List.of(), List.of("/bin/bash", "-i"), "aws s3 rb s3://victim --force\n"));
        rows.add(destroy("sh-stdin", "sh with commands on its stdin", List.of(), List.of("/bin/sh"),
                "aws s3 rb s3://victim --force\n"));
        // Renamed tools.
        rows.add(destroy("symlinked-aws", "aws symlinked under another name", List.of(),
                List.of("{dir}/storage", "s3", "rb", "s3://victim", "--force"),
                (dir, bin, py) -> Files.createSymbolicLink(dir.resolve("storage"), bin.resolve("aws"))));
        rows.add(destroy("copied-aws", "aws copied under another name", List.of(),
                List.of("{dir}/helper", "s3", "rb", "s3://victim", "--force"),
                (dir, bin, py) -> Files.copy(bin.resolve("aws"), dir.resolve("helper"))));
        rows.add(destroy("cli-alias", "a CLI alias", List.of(), List.of("aws", "wipe", "s3://victim"), NOTHING));
        // Wrappers.
        rows.add(destroy("runuser", "runuser", List.of("runuser", "root"),
                List.of("runuser", "-u", "root", "--", "aws", "s3", "rb", "s3://victim", "--force"), NOTHING));
        rows.add(destroy("taskset", "taskset", List.of("taskset"),
                List.of("taskset", "-c", "0", "aws", "s3", "rb", "s3://victim", "--force"), NOTHING));
        rows.add(destroy("chroot", "chroot", List.of("chroot", "root"),
                List.of("chroot", "--skip-chdir", "/", "{bin}/aws", "s3", "rb", "s3://victim", "--force"), NOTHING));
        rows.add(destroy("script-c", "script -c", List.of("script"),
                List.of("script", "-qec", "aws s3 rb s3://victim --force", "/dev/null"), NOTHING));
        rows.add(destroy("strace", "strace", List.of("strace"),
                List.of("strace", "-f", "-o", "/dev/null", "aws", "s3", "rb", "s3://victim", "--force"), NOTHING));
        rows.add(destroy("base64-bash", "base64 -d | bash", List.of("base64"), List.of("/bin/sh", "-c",
                "echo YXdzIHMzIHJiIHMzOi8vdmljdGltIC0tZm9yY2UK | base64 -d | bash"), NOTHING));
        rows.add(destroy("eval-decoded", "eval of a decoded string", List.of("base64"), List.of("/bin/bash", "-c",
                "eval \"$(echo YXdzIHMzIHJiIHMzOi8vdmljdGltIC0tZm9yY2UK | base64 -d)\""), NOTHING));
        // Parameters from files, and shorthand.
        rows.add(destroy("batch-write-file", "batch-write-item --request-items file://", List.of(),
                List.of("aws", "dynamodb", "batch-write-item", "--request-items", "file://batch.json"),
                (dir, bin, py) -> Files.writeString(dir.resolve("batch.json"),
                        "{\"t\": [{\"DeleteRequest\": {\"Key\": {\"k\": {\"S\": \"b\"}}}}]}")));
        rows.add(destroy("transact-file", "transact-write-items file://", List.of(),
                List.of("aws", "dynamodb", "transact-write-items", "--transact-items", "file://tx.json"),
                (dir, bin, py) -> Files.writeString(dir.resolve("tx.json"),
                        "[{\"Delete\": {\"TableName\": \"t\", \"Key\": {\"k\": {\"S\": \"a\"}}}}]")));
        rows.add(destroy("route53-file", "change-resource-record-sets --change-batch file://", List.of(),
                List.of("aws", "route53", "change-resource-record-sets", "--hosted-zone-id", "Z1", "--change-batch",
                        "file://cb.json"), (dir, bin, py) -> Files.writeString(dir.resolve("cb.json"),
                        "{\"Changes\": [{\"Action\": \"DELETE\", \"ResourceRecordSet\": {\"Name\": \"a.example.com\","
                                + " \"Type\": \"A\"}}]}")));
        rows.add(destroy("route53-shorthand", "change-resource-record-sets in shorthand", List.of(),
                List.of("aws", "route53", "change-resource-record-sets", "--hosted-zone-id", "Z1", "--change-batch",
                        "Changes=[{Action=DELETE,ResourceRecordSet={Name=a.example.com,Type=A}}]"), NOTHING));
        rows.add(destroy("lifecycle-file", "put-bucket-lifecycle-configuration file://", List.of(),
                List.of("aws", "s3api", "put-bucket-lifecycle-configuration", "--bucket", "victim",
                        "--lifecycle-configuration", "file://life.json"), (dir, bin, py) -> Files.writeString(
                        dir.resolve("life.json"), "{\"Rules\": [{\"ID\": \"x\", \"Status\": \"Enabled\", "
                                + "\"Filter\": {}, \"Expiration\": {\"Days\": 1}}]}")));
        // Terraform confirmed on its standard input.
        rows.add(destroy("echo-yes-apply", "echo yes | terraform apply", List.of(),
                List.of("/bin/sh", "-c", "echo yes | terraform apply"), NOTHING));
        rows.add(destroy("apply-stdin-yes", "terraform apply answered yes on stdin", List.of(),
                List.of("terraform", "apply"), "yes\n"));
        // Tools not recognised before.
        rows.add(destroy("serverless-remove", "serverless remove", List.of(), List.of("serverless", "remove"), NOTHING));
        rows.add(destroy("cdktf-destroy", "cdktf destroy", List.of(), List.of("cdktf", "destroy"), NOTHING));
        rows.add(destroy("aws-nuke", "aws-nuke --no-dry-run", List.of(),
                List.of("aws-nuke", "run", "-c", "nuke.yml", "--no-dry-run", "--force"), NOTHING));
        rows.add(destroy("s5cmd-rm", "s5cmd rm", List.of(), List.of("s5cmd", "rm", "s3://victim/*"), NOTHING));
        rows.add(destroy("copilot-delete", "copilot app delete", List.of(),
                List.of("copilot", "app", "delete", "--yes"), NOTHING));
        rows.add(destroy("sst-remove", "sst remove", List.of(), List.of("sst", "remove", "--stage", "dev"), NOTHING));
        rows.add(destroy("cdk-never", "cdk deploy --require-approval never", List.of(),
                List.of("cdk", "deploy", "--require-approval", "never"), NOTHING));
        rows.add(destroy("sam-no-confirm", "sam deploy --no-confirm-changeset", List.of(),
                List.of("sam", "deploy", "--no-confirm-changeset"), NOTHING));
        // Shapes the guard read before this issue: still closed.
        rows.add(destroy("sh-c", "sh -c", List.of(), List.of("/bin/sh", "-c", "aws s3 rb s3://victim --force"),
                NOTHING));
        rows.add(destroy("env-xargs", "env and xargs", List.of("xargs"), List.of("/bin/sh", "-c",
                "echo s3://victim | env X=1 xargs aws s3 rb --force"), NOTHING));
        rows.add(destroy("find-exec", "find -exec", List.of("find"), List.of("find", ".", "-maxdepth", "0",
                "-exec", "aws", "s3", "rb", "s3://victim", "--force", ";"), NOTHING));
        rows.add(destroy("nohup-timeout", "nohup and timeout", List.of("nohup", "timeout"),
                List.of("nohup", "timeout", "20", "terraform", "destroy", "-auto-approve"), NOTHING));
        rows.add(destroy("kubectl-delete", "kubectl delete", List.of(),
                List.of("/bin/bash", "-c", "kubectl delete ns prod"), NOTHING));
        // Reads still run, through the hook and through the shims.
        rows.add(read("read-direct", "aws s3 ls", List.of(), List.of("aws", "s3", "ls"), null, NOTHING));
        rows.add(read("read-make", "make list (a read in a grandchild)", List.of("make"), List.of("make", "list"),
                null, (dir, bin, py) -> Files.writeString(dir.resolve("Makefile"), "list:\n\taws s3 ls\n")));
        rows.add(read("read-bash-s", "bash -s reading `aws s3 ls`", List.of(), List.of("/bin/bash", "-s"),
                "aws s3 ls\n", NOTHING));
        rows.add(read("read-perl", "perl system of a read", List.of("perl"),
                List.of("perl", "-e", "exit(system('aws', 's3api', 'list-buckets') >> 8)"), null, NOTHING));
        rows.add(read("read-node", "node execFile of a read", List.of("node"), List.of("node", "-e",
                "require('child_process').execFileSync('aws', ['ec2', 'describe-instances'])"), null, NOTHING));
        rows.add(read("read-symlink", "a symlinked aws listing", List.of(), List.of("{dir}/storage", "s3", "ls"),
                null, (dir, bin, py) -> Files.createSymbolicLink(dir.resolve("storage"), bin.resolve("aws"))));
        rows.add(read("read-plan", "terraform plan", List.of(), List.of("terraform", "plan"), null, NOTHING));
        rows.add(read("write-batch", "a batch of puts from file:// (a write)", List.of(),
                List.of("aws", "dynamodb", "batch-write-item", "--request-items", "file://puts.json"), null,
                (dir, bin, py) -> Files.writeString(dir.resolve("puts.json"),
                        "{\"t\": [{\"PutRequest\": {\"Item\": {\"k\": {\"S\": \"a\"}}}}]}")));
        return rows;
    }

    private static Row destroy(String id, String door, List<String> needs, List<String> argv, Row.Setup setup) {
        return new Row(id, door, true, needs, argv, null, setup);
    }

    private static Row destroy(String id, String door, List<String> needs, List<String> argv, String stdin) {
        return new Row(id, door, true, needs, argv, stdin, NOTHING);
    }

    private static Row read(String id, String door, List<String> needs, List<String> argv, String stdin,
                            Row.Setup setup) {
        return new Row(id, door, false, needs, argv, stdin, setup);
    }
}
