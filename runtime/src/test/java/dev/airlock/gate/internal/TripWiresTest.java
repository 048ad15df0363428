package dev.airlock.gate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.call.Call;
import dev.airlock.call.Classification;
import dev.airlock.call.Requester;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TripWiresTest {

    private long now;
    private final TripWires wires = new TripWires(3, Duration.ofSeconds(10), Duration.ofMinutes(10), () -> now);

    private static Call call(String operation, Classification c, String resource) {
        return Call.builder().service("s3").operation(operation).actions(List.of("s3:" + operation))
                .classification(c).resources(List.of(resource)).requester(new Requester("a", "h", 1, "t", null))
                .build();
    }

    private void after(long seconds) {
        now += TimeUnit.SECONDS.toNanos(seconds);
    }

    @Test
    void aResourceCreatedAgainSoonAfterItsDeletionTrips() {
        assertThat(wires.observe(call("DeleteBucket", Classification.DESTRUCTIVE, "arn:aws:s3:::demo"))).isNull();
        after(30);
        assertThat(wires.observe(call("CreateBucket", Classification.WRITE, "arn:aws:s3:::demo")))
                .contains("delete-and-recreate", "arn:aws:s3:::demo", "30 s ago");
    }

    @Test
    void anotherResourceOrALateRecreationDoesNot() {
        wires.observe(call("DeleteBucket", Classification.DESTRUCTIVE, "arn:aws:s3:::demo"));
        assertThat(wires.observe(call("CreateBucket", Classification.WRITE, "arn:aws:s3:::other"))).isNull();
        after(11 * 60);
        assertThat(wires.observe(call("CreateBucket", Classification.WRITE, "arn:aws:s3:::demo"))).isNull();
    }

    @Test
    void moreDestructiveCallsThanTheBurstAllowsWithinItsTimeTrip() {
        for (int i = 0; i < 3; i++) {
            assertThat(wires.observe(call("DeleteObject", Classification.DESTRUCTIVE, "arn:aws:s3:::b/" + i)))
                    .isNull();
            after(1);
        }
        assertThat(wires.observe(call("DeleteObject", Classification.DESTRUCTIVE, "arn:aws:s3:::b/x")))
                .contains("burst", "more than 3 destructive calls within 10 s");
    }

    @Test
    void theSameCallsSpreadOverTimeDoNot() {
        for (int i = 0; i < 20; i++) {
            assertThat(wires.observe(call("DeleteObject", Classification.DESTRUCTIVE, "arn:aws:s3:::b/" + i)))
                    .isNull();
            after(4);
        }
    }

    @Test
    void readsAndWritesNeverCountTowardsABurst() {
        for (int i = 0; i < 20; i++) {
            assertThat(wires.observe(call("PutObject", Classification.WRITE, "arn:aws:s3:::b/" + i))).isNull();
        }
    }
}
