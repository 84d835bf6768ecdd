package com.ardesk.events.claims;

import java.math.BigDecimal;
import java.util.UUID;

/** A balance was written off by a supervisor; the claim stops being worked. */
public record ClaimWrittenOff(UUID claimId, BigDecimal amount, String reason, String writtenOffBy) {
}
