package dev.airlock.process.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The probe against a stand-in terraform that answers {@code plan} and {@code show -json} like the real one. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class TerraformPlanProbeTest {

    private static final String SHOW_JSON = "{\"format_version\":\"1.2\",\"resource_changes\":["
            + "{\"address\":\"aws_s3_bucket.data\",\"change\":{\"actions\":[\"delete\"]}},"
            + "{\"address\":\"aws_instance.web\",\"change\":{\"actions\":[\"delete\",\"create\"]}},"
            + "{\"address\":\"aws_iam_role.r\",\"change\":{\"actions\":[\"update\"]}},"
            + "{\"address\":\"aws_vpc.main\",\"change\":{\"actions\":[\"no-op\"]}}]}";

    @TempDir
    Path dir;
    private Path log;
    private Env env;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(dir.resolve(".terraform"));
        log = dir.resolve("ran.log");
        Files.writeString(log, "");
        env = Env.of(Map.of("PATH", dir.resolve("bin") + ":/usr/bin:/bin"));
    }

    private void fakeTerraform(String planBody) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path tf = bin.resolve("terraform");
        Files.writeString(tf, "#!/bin/sh\necho \"$*\" >> '" + log + "'\n"
                + "case \"$1\" in\n"
                + "  plan) " + planBody + " ;;\n"
                + "  show) echo '" + SHOW_JSON + "' ;;\n"
                + "  *) exit 3 ;;\n"
                + "esac\n");
        Files.setPosixFilePermissions(tf, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void aDestroyPlanNamesWhatWouldBeDestroyedAndDestroysNothing() throws Exception {
        fakeTerraform("exit 0");

        TerraformPlans.Outcome o = new TerraformPlanProbe(20, 20)
                .plan("terraform", dir, true, List.of("-target=aws_s3_bucket.data"), env);

        assertThat(o.failure()).isNull();
        assertThat(o.deleted()).containsExactly("aws_s3_bucket.data", "aws_instance.web");
        assertThat(o.changed()).containsExactly("aws_iam_role.r");
        List<String> ran = Files.readAllLines(log);
        assertThat(ran).hasSize(2);
        assertThat(ran.get(0)).startsWith("plan -destroy -input=false -lock=false -refresh=false -no-color -out=")
                .endsWith("-target=aws_s3_bucket.data");
        assertThat(ran.get(1)).startsWith("show -json");
        assertThat(ran).noneMatch(l -> l.startsWith("destroy") || l.startsWith("apply"));
    }

    @Test
    void aPlanThatFailsSaysSo() throws Exception {
        fakeTerraform("exit 1");

        TerraformPlans.Outcome o = new TerraformPlanProbe(20, 20).plan("terraform", dir, true, List.of(), env);

        assertThat(o.known()).isFalse();
        assertThat(o.failure()).contains("terraform plan failed (exit 1)");
    }

    @Test
    void aPlanThatHangsIsStoppedAtItsTimeLimit() throws Exception {
        fakeTerraform("sleep 30");

        TerraformPlans.Outcome o = new TerraformPlanProbe(1, 1).plan("terraform", dir, true, List.of(), env);

        assertThat(o.failure()).contains("longer than 1 s");
    }

    @Test
    void anUninitialisedDirectoryIsNotPlanned() throws Exception {
        fakeTerraform("exit 0");
        Files.delete(dir.resolve(".terraform"));

        TerraformPlans.Outcome o = new TerraformPlanProbe(20, 20).plan("terraform", dir, true, List.of(), env);

        assertThat(o.failure()).contains("not initialised");
        assertThat(Files.readAllLines(log)).isEmpty();
    }
}
