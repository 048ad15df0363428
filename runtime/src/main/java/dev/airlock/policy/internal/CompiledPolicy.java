package dev.airlock.policy.internal;

import dev.airlock.call.Call;
import dev.airlock.call.Classification;
import dev.airlock.policy.Effect;
import dev.airlock.policy.Policy;
import dev.airlock.policy.PolicyContext;
import dev.airlock.policy.PolicyDecision;
import java.util.List;

/** PLACEHOLDER: the built-in default only, to be replaced by the indexed policy. */
public final class CompiledPolicy implements Policy {

    public static Policy empty() {
        return new CompiledPolicy();
    }

    @Override
    public PolicyDecision evaluate(Call call, PolicyContext context) {
        return decideStatically(call.action(), call.classification(), context);
    }

    @Override
    public PolicyDecision decideStatically(String action, Classification c, PolicyContext context) {
        return switch (c) {
            case READ -> new PolicyDecision(Effect.ALLOW, "default:read", "built-in", List.of());
            case WRITE -> new PolicyDecision(Effect.ALLOW, "default:write", "built-in", List.of());
            case DESTRUCTIVE -> new PolicyDecision(Effect.REQUIRE_APPROVAL, "default:destructive", "built-in", List.of());
        };
    }

    @Override
    public String source() {
        return "built-in";
    }

    @Override
    public int size() {
        return 0;
    }
}
