package com.ardesk.calls.call;

import java.time.Instant;
import java.util.UUID;

/** Filters of GET /api/v1/calls; null means "any". */
public record CallFilter(String practiceId, UUID claimId, String callerId, String payerId, Outcome outcome,
                         Instant from, Instant to) {
}
