package dev.airlock.policy;

/**
 * What a statement does with the calls it matches. Precedence when several match: DENY, then
 * REQUIRE_APPROVAL, then DRY_RUN, then ALLOW. RATE_LIMIT statements do not compete: they attach a budget to
 * whatever the others decide, and alone they allow within the budget.
 */
public enum Effect {
    DENY("Deny"),
    REQUIRE_APPROVAL("RequireApproval"),
    DRY_RUN("DryRun"),
    ALLOW("Allow"),
    RATE_LIMIT("RateLimit");

    private final String word;

    Effect(String word) {
        this.word = word;
    }

    /** The word used in policy files. */
    public String word() {
        return word;
    }

    /** Parses the policy-file word (case-insensitive); null when it is not one. */
    public static Effect ofWord(String word) {
        for (Effect e : values()) {
            if (e.word.equalsIgnoreCase(word)) {
                return e;
            }
        }
        return null;
    }
}
