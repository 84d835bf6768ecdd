package com.ardesk.claims.claim;

import com.ardesk.claims.aging.AgingBucket;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A claim as lists show it: enough to pick it, no lines or history. */
@Schema(description = "A claim in a list")
public record ClaimSummary(UUID claimId, String practiceId, String externalClaimId, String payerId, ClaimStatus status,
                           LocalDate serviceDateFrom, LocalDate submittedOn,
                           @Schema(example = "370.00") BigDecimal billedAmount,
                           @Schema(example = "140.00") BigDecimal balance,
                           long agingDays, AgingBucket agingBucket, boolean denied) {
}
