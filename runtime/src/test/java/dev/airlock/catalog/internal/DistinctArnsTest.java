package dev.airlock.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The ARNs of a request are kept as a {@code LinkedHashSet} keeps them: each once, in the order first found. */
class DistinctArnsTest {

    @Test
    void keepsWhatALinkedHashSetKeepsInItsOrder() {
        Random random = new Random(7L);
        for (int round = 0; round < 2_000; round++) {
            DistinctArns arns = new DistinctArns();
            LinkedHashSet<String> expected = new LinkedHashSet<>();
            int adds = random.nextInt(3 * DistinctArns.SCANNED);
            int distinct = 1 + random.nextInt(2 * DistinctArns.SCANNED);
            for (int i = 0; i < adds; i++) {
                // A new String each time: equal ARNs are recognised by value, not by identity.
                String arn = new String("arn:aws:s3:::bucket/" + random.nextInt(distinct));
                assertThat(arns.add(arn)).isEqualTo(expected.add(arn));
                assertThat(arns.contains(new String(arn))).isTrue();
            }
            assertThat(arns.toList()).containsExactlyElementsOf(expected);
            assertThat(new ArrayList<>(arns)).containsExactlyElementsOf(expected);
            assertThat(arns.size()).isEqualTo(expected.size());
            assertThat(arns.contains("arn:aws:s3:::elsewhere")).isFalse();
        }
    }

    @Test
    void theListCannotBeChanged() {
        DistinctArns arns = new DistinctArns();
        arns.add("arn:aws:s3:::a");
        List<String> list = arns.toList();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> list.add("arn:aws:s3:::b"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
