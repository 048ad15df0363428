package dev.airlock.gate;

/**
 * One step a call the policy did not deny passes through, in this order: kill switch, dry-run plan, approval,
 * rate budget, credentials. A gate either lets the call on to the next one or ends the chain with a verdict.
 */
public interface Gate {

    /** The gate's name in audit records and messages. */
    String name();

    /**
     * @return null to pass the call on, or the verdict that ends the chain
     */
    Verdict check(CallContext context);
}
