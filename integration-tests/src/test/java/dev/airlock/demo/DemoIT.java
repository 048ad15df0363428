package dev.airlock.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.it.harness.BuildPaths;
import dev.airlock.it.harness.GuardedJvm;
import dev.airlock.it.harness.RunningJvm;
import dev.airlock.it.harness.ToolRun;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The README's first command ends well: the demo runs in its own JVM, as {@code ./airlock-demo} starts it. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DemoIT {

    @Test
    void the_demo_shows_every_destructive_call_held_and_everything_surviving() throws Exception {
        BuildPaths.agentJar();
        ToolRun demo;
        try (RunningJvm jvm = GuardedJvm.of(BuildPaths.demoClasspath(), "dev.airlock.demo.Demo").start()) {
            demo = jvm.await(Duration.ofMinutes(4));
        }
        System.out.println("DemoIT output:\n" + demo.transcript());

        assertThat(demo.exitCode()).as(demo.transcript()).isZero();
        String out = String.join("\n", demo.stdout());
        assertThat(out)
                .contains("[5/5]")
                .contains("HOLD     DeleteObjects", "HOLD     DeleteBucket", "HOLD     DeleteTable",
                        "HOLD     PurgeQueue", "HOLD     DeleteQueue")
                .contains("Audit chain: intact")
                .containsPattern("PROCEED  CreateBucket +s3:CreateBucket +arn:aws:s3:::\\S+")
                .doesNotContain("other calls went through")
                .contains("Every object, item and message survived.");
    }
}
