package com.ardesk.events.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A payer denied (part of) a claim: CARC group + reason, RARCs, and the category derived from them. */
public record ClaimDenied(UUID claimId, String externalClaimId, String payerId, UUID denialId, String groupCode,
                          String reasonCode, List<String> remarkCodes, String category, BigDecimal amount,
                          LocalDate deniedOn, LocalDate appealDeadline) {
}
