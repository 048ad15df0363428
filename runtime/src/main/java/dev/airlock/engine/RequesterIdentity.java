package dev.airlock.engine;

import dev.airlock.call.Requester;
import dev.airlock.config.AirlockConfig;
import dev.airlock.egress.Egress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Who asks, as far as this process knows: the OS user, host, pid and tool from the start, and, with
 * {@code requester.aws-identity: sts}, the AWS identity the tool's credentials stand for, learnt beside the host
 * through Airlock's own STS client. Approvals compare approvers with every one of these.
 */
final class RequesterIdentity {

    private static final long WAIT_SECONDS = 5;

    private volatile Requester requester;
    /** Counted down once the AWS identity is known or cannot be; null when it is not looked up. */
    private volatile CountDownLatch lookup;

    RequesterIdentity(Requester requester) {
        this.requester = requester;
    }

    Requester current() {
        return requester;
    }

    /** Starts the STS look-up on a daemon thread; calls decided before it is known carry none. */
    void learnAwsIdentity(AirlockConfig config) {
        CountDownLatch latch = new CountDownLatch(1);
        lookup = latch;
        Thread thread = new Thread(() -> {
            try {
                String arn = Egress.parts().callerIdentity(config);
                if (arn != null) {
                    requester = requester.withAwsIdentity(arn);
                }
            } catch (Exception | LinkageError e) {
                System.err.println("[airlock] WARN: could not learn the tool's AWS identity (requester.aws-identity"
                        + "=sts): " + e.getMessage());
            } finally {
                latch.countDown();
            }
        }, "airlock-identity");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Waits, briefly, for the AWS identity while it is being looked up, so that a request filed for approval
     * names it. Reads on the fast path never come here.
     */
    void awaitAwsIdentity() {
        CountDownLatch latch = lookup;
        if (latch == null || latch.getCount() == 0) {
            return;
        }
        try {
            latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
