package dev.airlock.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GlobTest {

    private static final char[] TEXT_CHARS = {'a', 'b', ':'};
    private static final char[] PATTERN_CHARS = {'a', 'b', ':', '*', '?'};

    private static String random(Random r, char[] alphabet, int maxLength) {
        int n = r.nextInt(maxLength + 1);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet[r.nextInt(alphabet.length)]);
        }
        return sb.toString();
    }

    /** The same pattern as a regex: the reference the hand-written matcher is held to. */
    private static boolean regexMatches(String glob, String text, boolean ignoreCase) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
        return Pattern.compile(re.toString(), flags).matcher(text).matches();
    }

    /** Every text over the test alphabet up to a length. */
    private static List<String> allTexts(int maxLength) {
        List<String> out = new ArrayList<>();
        out.add("");
        int from = 0;
        for (int len = 1; len <= maxLength; len++) {
            int to = out.size();
            for (int i = from; i < to; i++) {
                for (char c : TEXT_CHARS) {
                    out.add(out.get(i) + c);
                }
            }
            from = to;
        }
        return out;
    }

    @Test
    void matchesAgreesWithARegexOnRandomPatterns() {
        Random r = new Random(7);
        for (int k = 0; k < 20_000; k++) {
            String pattern = random(r, PATTERN_CHARS, 7);
            String text = random(r, TEXT_CHARS, 9);
            assertThat(Glob.of(pattern).matches(text)).as("%s ~ %s", pattern, text)
                    .isEqualTo(regexMatches(pattern, text, false));
        }
    }

    @Test
    void everyShapeMatchesAsIamDoes() {
        assertThat(Glob.of("*").matches("")).isTrue();
        assertThat(Glob.of("arn:aws:s3:::prod-*").matches("arn:aws:s3:::prod-logs/a")).isTrue();
        assertThat(Glob.of("arn:aws:s3:::prod-*").matches("arn:aws:s3:::Prod-logs")).isFalse();
        assertThat(Glob.of("*-prod").matches("db-prod")).isTrue();
        assertThat(Glob.of("*-prod").matches("db-prod2")).isFalse();
        assertThat(Glob.of("a*b*c").matches("aXbYbZc")).isTrue();
        assertThat(Glob.of("a?c").matches("abc")).isTrue();
        assertThat(Glob.of("a?c").matches("ac")).isFalse();
        assertThat(Glob.of("exact").matches("exact")).isTrue();
        assertThat(Glob.of("exact").matches("exactly")).isFalse();
    }

    @Test
    void actionPatternsIgnoreCase() {
        assertThat(Glob.ignoringCase("s3:Delete*").matches("S3:DELETEBUCKET")).isTrue();
        assertThat(Glob.ignoringCase("*:delete*").matches("dynamodb:DeleteTable")).isTrue();
        assertThat(Glob.ignoringCase("EC2:Terminate?nstances").matches("ec2:terminateinstances")).isTrue();
        assertThat(Glob.ignoringCase("*Table").matches("dynamodb:deletetable")).isTrue();
        assertThat(Glob.ignoringCase("s3:GetObject").matches("s3:getobject")).isTrue();
        Random r = new Random(11);
        for (int k = 0; k < 5_000; k++) {
            String pattern = random(r, new char[] {'a', 'B', '*', '?'}, 6);
            String text = random(r, new char[] {'A', 'b', 'a', 'B'}, 7);
            assertThat(Glob.ignoringCase(pattern).matches(text)).as("%s ~ %s", pattern, text)
                    .isEqualTo(regexMatches(pattern, text, true));
        }
    }

    @Test
    void intersectsIsExactForTextsWithUnknownRuns() {
        Random r = new Random(3);
        List<String> texts = allTexts(7);
        for (int k = 0; k < 600; k++) {
            String pattern = random(r, PATTERN_CHARS, 4);
            String partlyKnown = random(r, new char[] {'a', 'b', ':', '*'}, 3);
            Glob known = Glob.of(partlyKnown);
            boolean some = texts.stream().anyMatch(t -> known.matches(t) && Glob.of(pattern).matches(t));
            assertThat(Glob.of(pattern).intersects(partlyKnown)).as("%s meets %s", pattern, partlyKnown)
                    .isEqualTo(some);
        }
    }

    @Test
    void coversNeverClaimsATextItDoesNotCover() {
        Random r = new Random(5);
        List<String> texts = allTexts(6);
        int covered = 0;
        for (int k = 0; k < 1_500; k++) {
            String pattern = random(r, PATTERN_CHARS, 4);
            String partlyKnown = random(r, new char[] {'a', 'b', ':', '*'}, 3);
            if (Glob.of(pattern).covers(partlyKnown)) {
                covered++;
                Glob known = Glob.of(partlyKnown);
                for (String t : texts) {
                    if (known.matches(t)) {
                        assertThat(Glob.of(pattern).matches(t)).as("%s covers %s, so %s", pattern, partlyKnown, t)
                                .isTrue();
                    }
                }
            }
        }
        assertThat(covered).as("some random cases are covered").isGreaterThan(100);
    }

    @Test
    void anUnknownAccountOrRegionIsOneArnSegment() {
        Glob prodTables = Glob.of("arn:aws:dynamodb:eu-west-1:111122223333:table/prod-*");
        assertThat(prodTables.intersects("arn:aws:dynamodb:eu-west-1:*:table/prod-users")).isTrue();
        assertThat(prodTables.intersects("arn:aws:dynamodb:*:*:table/prod-users")).isTrue();
        assertThat(prodTables.intersects("arn:aws:dynamodb:eu-west-1:*:table/sandbox")).isFalse();
        assertThat(prodTables.intersects("arn:aws:dynamodb:us-east-1:*:table/prod-users")).isFalse();
        assertThat(prodTables.covers("arn:aws:dynamodb:eu-west-1:*:table/prod-users")).isFalse();
        assertThat(Glob.of("arn:aws:dynamodb:*:*:table/prod-*").covers("arn:aws:dynamodb:eu-west-1:*:table/prod-x"))
                .isTrue();
        // In the resource part an unknown run may hold anything, colons included.
        assertThat(Glob.of("arn:aws:s3:::bucket/a:b").intersects("arn:aws:s3:::bucket/*")).isTrue();
        assertThat(Glob.of("arn:aws:s3:::prod/*").intersects("*")).isTrue();
        assertThat(Glob.of("arn:aws:s3:::prod/*").covers("*")).isFalse();
        assertThat(Glob.of("*").covers("*")).isTrue();
    }
}
