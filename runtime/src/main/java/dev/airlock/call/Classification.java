package dev.airlock.call;

/** What a call does to the account, as far as the catalog and its rules can tell. */
public enum Classification {
    /** Reads state; changes nothing. */
    READ,
    /** Creates or changes state without destroying it. */
    WRITE,
    /**
     * Destroys, or removes a safeguard: deletes, terminates, purges, overwrites, disables protection or logging,
     * shortens retention, changes who may do what, or scales to zero.
     */
    DESTRUCTIVE;

    /** The more dangerous of the two. */
    public Classification max(Classification other) {
        return other != null && other.ordinal() > ordinal() ? other : this;
    }
}
