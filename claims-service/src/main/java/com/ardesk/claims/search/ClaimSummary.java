package com.ardesk.claims.search;

import com.ardesk.kit.aging.AgingBucket;
import com.ardesk.claims.claim.ClaimStatus;
import com.ardesk.kit.openapi.ApiSchemas;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A claim as lists show it: enough to pick it, no lines or history. */
@Schema(description = "A claim in a list")
public record ClaimSummary(@Schema(implementation = String.class, format = "uuid", maxLength = 36) UUID claimId,
                           @Schema(maxLength = 64, pattern = ApiSchemas.ID_PATTERN) String practiceId,
                           @Schema(maxLength = 64, pattern = "^[\\x21-\\x7E]{1,64}$") String externalClaimId,
                           @Schema(maxLength = 64, pattern = ApiSchemas.ID_PATTERN) String payerId,
                           ClaimStatus status,
                           @Schema(implementation = String.class, format = "date", maxLength = 10) LocalDate serviceDateFrom,
                           @Schema(implementation = String.class, format = "date", maxLength = 10) LocalDate submittedOn,
                           @Schema(example = "370.00", type = SchemaType.NUMBER, minimum = "0", maximum = ApiSchemas.MONEY_MAX) BigDecimal billedAmount,
                           @Schema(example = "140.00", type = SchemaType.NUMBER, minimum = ApiSchemas.MONEY_MIN, maximum = ApiSchemas.MONEY_MAX) BigDecimal balance,
                           @Schema(minimum = "0", maximum = ApiSchemas.LONG_MAX) long agingDays, AgingBucket agingBucket, boolean denied) {
}
