package com.ardesk.events.claims;

import java.util.UUID;

/** A claim moved from one status to another (the transition was allowed by the claim status table). */
public record ClaimStatusChanged(UUID claimId, String fromStatus, String toStatus, String reason) {
}
