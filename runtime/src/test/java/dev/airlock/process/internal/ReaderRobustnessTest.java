package dev.airlock.process.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Whatever the text, reading it ends, never throws, and stays bounded. */
class ReaderRobustnessTest {

    private static final String ALPHABET = "aws s3 rb terraform kubectl delete sh -c bash env xargs $(`)'\"\\;&|<>{}"
            + "#=\n\t*?[]~!@%^0123456789 ${}:-+EOF<<<";

    @Test
    @Timeout(60)
    void randomTextIsReadWithoutErrors() {
        Random random = new Random(42);
        for (int i = 0; i < 3000; i++) {
            StringBuilder s = new StringBuilder();
            int n = random.nextInt(120);
            for (int k = 0; k < n; k++) {
                s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String script = s.toString();
            assertThatCode(() -> Fixtures.calls(List.of("bash", "-c", script))).as(script).doesNotThrowAnyException();
            assertThatCode(() -> Fixtures.calls(List.of("env", script, "-c", script))).as(script)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    @Timeout(30)
    void unclosedQuotesAndSubstitutionsAreReadAsFarAsTheyGo() {
        assertThat(Fixtures.summary(Fixtures.script("kubectl delete ns \"prod"))).containsExactly(
                "kubectl:Delete DESTRUCTIVE");
        assertThat(Fixtures.summary(Fixtures.script("echo $(terraform destroy"))).containsExactly(
                "terraform:Destroy DESTRUCTIVE");
        assertThat(Fixtures.summary(Fixtures.script("helm uninstall 'web"))).containsExactly(
                "helm:Uninstall DESTRUCTIVE");
        assertThat(Fixtures.calls(List.of("sh", "-c"))).isEmpty();
        assertThat(Fixtures.calls(List.of())).isEmpty();
    }

    @Test
    @Timeout(30)
    void deepNestingIsCutOffAndSaidSo() {
        String script = "env ".repeat(40) + "kubectl delete ns prod";

        Unwrapped u = Unwrapper.unwrap(List.of("sh", "-c", script), Fixtures.ENV, Fixtures.DIR);

        assertThat(u.invocations()).isEmpty();
        assertThat(u.unreadable()).anyMatch(b -> b.contains("deeper than"));
    }

    @Test
    @Timeout(30)
    void hugeScriptsAreReadInBoundedTime() {
        String big = "echo x; ".repeat(50_000) + "aws s3 rb s3://b --force";

        assertThat(Fixtures.summary(Fixtures.script(big))).containsExactly("s3:DeleteBucket DESTRUCTIVE");
    }

    @Test
    @Timeout(30)
    void deeplyNestedSubstitutionsAreCutOff() {
        String script = "$(".repeat(500) + "kubectl delete ns x" + ")".repeat(500);

        assertThatCode(() -> Fixtures.script(script)).doesNotThrowAnyException();
    }

    @Test
    @Timeout(30)
    void fanOutIsCutOff() {
        String script = "printf '%s\\n' a b c d e f g h i j | xargs -I{} sh -c \"printf '%s\\n' a b c d e f g h i j "
                + "| xargs -I{} sh -c 'printf x | xargs -I{} sh -c \\\"echo 1 2 3 4 5 6 7 8 9 | xargs -n1 echo\\\"'\"";

        Unwrapped u = Unwrapper.unwrap(List.of("sh", "-c", script), Fixtures.ENV, Fixtures.DIR);

        assertThat(u.invocations().size()).isLessThanOrEqualTo(100_000);
    }

    @Test
    void aShellReadingTheJvmsPipeIsABlindSpot() {
        Unwrapped u = Unwrapper.unwrap(List.of("bash"), Fixtures.ENV, Fixtures.DIR);

        assertThat(u.blindSpots()).singleElement().asString().contains("standard input");
    }
}
