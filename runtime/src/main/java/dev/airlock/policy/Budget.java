package dev.airlock.policy;

/**
 * A destruction budget from a RateLimit statement: at most {@code perMinute} and {@code perHour} units, where a
 * unit is a call or, with {@code countResources}, a resource the call touches. 0 means no limit for that window.
 *
 * @param id the statement's Sid; calls matched by the same statement share its budget
 */
public record Budget(String id, long perMinute, long perHour, boolean countResources) {
}
