package dev.airlock.audit.internal;

/**
 * The end of a chain: the last record's sequence number and hash, which the next record links to.
 *
 * @param seq the last record's sequence number, 0 for an empty chain
 * @param hash the last record's hash, {@link ChainHash#GENESIS} for an empty chain
 */
record ChainLink(long seq, String hash) {

    static final ChainLink EMPTY = new ChainLink(0, ChainHash.GENESIS);
}
