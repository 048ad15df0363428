package dev.airlock.policy;

import dev.airlock.call.Call;
import dev.airlock.call.Classification;
import java.nio.file.Path;

/**
 * IAM-shaped statements a platform team can read at a glance, in YAML or JSON. Immutable once parsed;
 * evaluation is indexed by action and thread-safe.
 *
 * <p>Statement fields: {@code Sid}, {@code Effect} (Allow, Deny, DryRun, RequireApproval, RateLimit),
 * {@code Action} / {@code NotAction}, {@code Resource} / {@code NotResource} with IAM wildcards ({@code *},
 * {@code ?}), {@code Condition} ({@code StringEquals}, {@code StringNotEquals}, {@code StringLike},
 * {@code StringNotLike}, each with an {@code IfExists} form) on {@code airlock:Classification},
 * {@code airlock:Tool}, {@code airlock:Environment}, {@code airlock:Origin}, {@code aws:RequestedRegion},
 * {@code aws:ResourceAccount}, {@code aws:RequestTag/KEY} and {@code aws:ResourceTag/KEY}; and for RateLimit,
 * {@code Budget} ({@code PerMinute}, {@code PerHour}, {@code Count: calls|resources}).
 *
 * <p>When no statement matches, the built-in default applies: reads and writes allowed, destructive calls held
 * for approval.
 */
public interface Policy {

    /** The policy with no statements: only the built-in default applies. */
    static Policy builtInDefault() {
        return dev.airlock.policy.internal.CompiledPolicy.empty();
    }

    /** Parses a YAML or JSON policy file. A fault names the file, the line and what is wrong. */
    static Policy parse(Path file) throws PolicyException {
        return dev.airlock.policy.internal.PolicyParser.parse(file);
    }

    /** Parses policy text; {@code sourceName} is used in error messages and decisions. */
    static Policy parse(String text, String sourceName) throws PolicyException {
        return dev.airlock.policy.internal.PolicyParser.parse(text, sourceName);
    }

    /** The decision for one call. Never null. */
    PolicyDecision evaluate(Call call, PolicyContext context);

    /**
     * The decision for every call of this action and classification, when no statement that could match it
     * depends on the call's resources, region, account, origin or tags; null otherwise. The engine's fast
     * path caches this per operation, so reads are decided without looking at their request.
     */
    PolicyDecision decideStatically(String action, Classification classification, PolicyContext context);

    /** Where the policy came from (a path, or {@code built-in}). */
    String source();

    /** How many statements it has. */
    int size();
}
