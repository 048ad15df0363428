package dev.airlock.bridge;

/**
 * Called at the start of an AWS SDK method where Airlock could not place its guard (an SDK version without a
 * known hook point, a class loader that refused Airlock's hooks). With {@code unguarded: fail}, the default, the
 * call fails here with a clear message instead of going out unseen; with {@code unguarded: warn} it goes on, and
 * the gap has been reported on standard error and in the audit.
 */
public final class UnguardedSdk {

    private UnguardedSdk() {
    }

    public static void refuse() {
        if (!AirlockBridge.unguardedCallsFail()) {
            return;
        }
        throw new IllegalStateException(Refusal.denied("this AWS SDK call", "Airlock could not place its guard "
                + "in this copy of the AWS SDK, and unguarded calls fail (airlock.unguarded=fail) rather than go out "
                + "unseen", "ask the human you work for to update Airlock or the AWS SDK; do not retry."));
    }
}
