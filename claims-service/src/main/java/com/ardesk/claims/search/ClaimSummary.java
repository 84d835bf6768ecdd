package com.ardesk.claims.search;

import com.ardesk.kit.aging.AgingBucket;
import com.ardesk.claims.claim.ClaimStatus;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A claim as lists show it: enough to pick it, no lines or history. */
@Schema(description = "A claim in a list")
public record ClaimSummary(@Schema(implementation = String.class, format = "uuid", maxLength = 36) UUID claimId,
                           @Schema(maxLength = 64, pattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$") String practiceId,
                           @Schema(maxLength = 64, pattern = "^[\\x21-\\x7E]{1,64}$") String externalClaimId,
                           @Schema(maxLength = 64, pattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$") String payerId,
                           ClaimStatus status,
                           @Schema(implementation = String.class, format = "date", maxLength = 10) LocalDate serviceDateFrom,
                           @Schema(implementation = String.class, format = "date", maxLength = 10) LocalDate submittedOn,
                           @Schema(example = "370.00", type = SchemaType.NUMBER, minimum = "0", maximum = "999999999999.99") BigDecimal billedAmount,
                           @Schema(example = "140.00", type = SchemaType.NUMBER, minimum = "-999999999999.99", maximum = "999999999999.99") BigDecimal balance,
                           @Schema(minimum = "0", maximum = "9223372036854775807") long agingDays, AgingBucket agingBucket, boolean denied) {
}
