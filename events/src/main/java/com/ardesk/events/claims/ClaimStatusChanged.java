package com.ardesk.events.claims;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A claim moved from one status to another (the transition was allowed by the claim status table),
 * or a payer told its status electronically: then {@code source} is {@code 277CA} (claim
 * acknowledgment) or {@code 277} (claim status response), {@code statusCategory} the first STC
 * category (A1, A3, P1, F2, R3 ...), {@code statusCodes} every claim-level STC01 as sent
 * (category:status[:entity]), {@code effectiveOn} the STC02 date and {@code rejected} whether the
 * payer refused the claim before adjudication (277CA A3/A4/A6/A7/A8 or action code U), which asks
 * for a fix and a resubmission. The STC fields are null for moves made in AR Desk.
 */
public record ClaimStatusChanged(UUID claimId, String fromStatus, String toStatus, String reason, String source,
                                 String statusCategory, List<String> statusCodes, LocalDate effectiveOn, Boolean rejected) {
    @JsonCreator
    public ClaimStatusChanged {
    }

    /** A move made in AR Desk (no payer status behind it). */
    public ClaimStatusChanged(UUID claimId, String fromStatus, String toStatus, String reason) {
        this(claimId, fromStatus, toStatus, reason, null, null, null, null, null);
    }
}
