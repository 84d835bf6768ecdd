package com.ardesk.claims.claim;

import com.ardesk.kit.problem.ProblemException;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A claim's lifecycle. {@link #ALLOWED} is the one table of legal moves; anything else is a 409 that
 * names both states.
 */
public enum ClaimStatus {
    SUBMITTED, IN_PROCESS, PAID, PARTIALLY_PAID, DENIED, APPEALED, WRITTEN_OFF, CLOSED;

    private static final Map<ClaimStatus, Set<ClaimStatus>> ALLOWED = Map.of(
            SUBMITTED, EnumSet.of(IN_PROCESS, PAID, PARTIALLY_PAID, DENIED, WRITTEN_OFF, CLOSED),
            IN_PROCESS, EnumSet.of(SUBMITTED, PAID, PARTIALLY_PAID, DENIED, WRITTEN_OFF, CLOSED),
            PARTIALLY_PAID, EnumSet.of(IN_PROCESS, PAID, PARTIALLY_PAID, DENIED, APPEALED, WRITTEN_OFF, CLOSED),
            // a denied claim is appealed, corrected and resubmitted, paid after all, or written off
            DENIED, EnumSet.of(SUBMITTED, IN_PROCESS, PAID, PARTIALLY_PAID, DENIED, APPEALED, WRITTEN_OFF, CLOSED),
            APPEALED, EnumSet.of(IN_PROCESS, PAID, PARTIALLY_PAID, DENIED, APPEALED, WRITTEN_OFF, CLOSED),
            // a reversal (835 CLP02=22) can reopen a paid claim
            PAID, EnumSet.of(PARTIALLY_PAID, IN_PROCESS, DENIED, CLOSED),
            WRITTEN_OFF, EnumSet.of(CLOSED),
            CLOSED, EnumSet.noneOf(ClaimStatus.class));

    public boolean canMoveTo(ClaimStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    /** Throws 409 naming both states unless the move is allowed; staying put is always allowed. */
    public void requireMoveTo(ClaimStatus next, String action) {
        if (this != next && !canMoveTo(next)) {
            throw ProblemException.conflict("invalid-transition",
                    "cannot " + action + ": a claim cannot go from " + this + " to " + next);
        }
    }

    /** Whether money can still be owed on it: the worklist's idea of "open". */
    public boolean isOpen() {
        return this != PAID && this != WRITTEN_OFF && this != CLOSED;
    }
}
