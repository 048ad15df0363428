package dev.airlock.egress;

import dev.airlock.config.AirlockConfig;
import dev.airlock.credentials.RoleSessions;

/**
 * Airlock's own way to AWS: the parts that call STS, DynamoDB or S3 for Airlock itself (the credentials broker,
 * the org-wide stores, the caller identity, a central policy). Implemented in the {@code airlock-egress} jar,
 * on an AWS SDK of its own: relocated inside the agent, so it never meets the host's SDK of any version and its
 * calls are never intercepted. Loaded only when a configured feature needs it ({@link Egress#parts()}).
 *
 * <p>What goes where: Airlock's own calls (STS, its stores, a policy fetch) go through this egress, with
 * Airlock's own credentials source ({@code aws.profile}, region {@code aws.region}, endpoints
 * {@code aws.endpoint.*}). Calls about the resource under decision (blast-radius probes, safety snapshots) go
 * through the host's own SDK and the calling client's configuration ({@link dev.airlock.bridge.ProbeChannel}).
 */
public interface EgressParts {

    /**
     * The AWS identity (an ARN) the tool's own credentials stand for, from STS GetCallerIdentity. The tool's
     * credentials are read where the tool's SDK reads them (environment, system properties, its profile).
     *
     * @throws Exception the STS error or timeout, to be reported
     */
    String callerIdentity(AirlockConfig config) throws Exception;

    /**
     * STS AssumeRole for the credentials broker, on Airlock's own credentials ({@code credentials.profile}, else
     * {@code aws.profile}, from {@code credentials.profile-file} when set), never the tool's default chain.
     *
     * @throws IllegalStateException when the config names no credentials of Airlock's own
     */
    RoleSessions roleSessions(AirlockConfig config);

    /**
     * Destruction budgets shared by every agent JVM: counters in the DynamoDB table {@code budget.table}, taken
     * with conditional updates, all windows of a call in one transaction.
     */
    dev.airlock.gate.BudgetStore dynamoDbBudgets(AirlockConfig config);

    /** The org-wide kill switch: a flag item in the DynamoDB table {@code kill-switch.table}. */
    dev.airlock.gate.KillSwitch dynamoDbKillSwitch(AirlockConfig config);

    /**
     * The org-wide approval store: the DynamoDB {@code table}, shared by every approval service instance, with
     * conditional writes for each vote and use. Built with Airlock's own credentials, region and endpoint.
     */
    dev.airlock.approval.ApprovalStore dynamoDbApprovals(AirlockConfig config, String table)
            throws dev.airlock.approval.ApprovalException;
}
