package com.ardesk.claims.status;

import com.ardesk.kit.openapi.ApiSchemas;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Answer of GET /api/v1/claims/{claimId}/payer-status: what the payer said electronically, newest first. */
@Schema(description = "What the payer said about the claim in 277CA acknowledgments and 277 status responses")
public record PayerStatusView(@Schema(implementation = String.class, format = "uuid", maxLength = 36,
                                      example = "0b8f5e2c-1d3a-4c6b-9e8f-7a6b5c4d3e2f") UUID claimId,
                              @Schema(description = "The status received last; null when the payer has sent none")
                              Entry latest,
                              @Schema(description = "Every status received, newest first (at most " + PayerStatusQuery.HISTORY
                                      + "); latest is the first", maxItems = PayerStatusQuery.HISTORY)
                              List<Entry> history) {

    /** One claim-level status of a 277CA or 277 as it was received. */
    @Schema(name = "PayerStatus", description = "One claim-level status (STC) of a 277CA or 277")
    public record Entry(@Schema(description = "277CA (acknowledgment) or 277 (status response)", example = "277CA",
                                enumeration = {"277CA", "277"}, maxLength = 8) String source,
                        @Schema(description = "STC01-1 of the first STC: A (acknowledgment), P (pending), F (finalized), "
                                + "R (more information requested), E (error), D (no record found)", example = "A3", maxLength = 8)
                        String statusCategory,
                        @Schema(description = "Every claim-level STC01 as sent (category:status[:entity]); the status codes "
                                + "(X12 external code list 508) say what to fix or send", example = "[\"A3:21:85\", \"A7:562:85\"]",
                                type = SchemaType.ARRAY, implementation = StatusResult.StatusCode.class, maxItems = 99)
                        List<String> statusCodes,
                        @Schema(description = "STC03 action code (277CA: WQ accepted, U rejected)", example = "U", maxLength = 4)
                        String actionCode,
                        @Schema(description = "True when the payer refused the claim before adjudication (277CA "
                                + "A3/A4/A6/A7/A8 or action code U): fix it and resubmit", example = "true") boolean rejected,
                        @Schema(description = "STC02: the day the status took effect", implementation = String.class, format = "date",
                                maxLength = 10, example = "2026-11-20") LocalDate effectiveOn,
                        @Schema(description = "STC04: the claim amount the payer reports", example = "280.50", type = SchemaType.NUMBER,
                                minimum = ApiSchemas.MONEY_MIN, maximum = ApiSchemas.MONEY_MAX) BigDecimal amount,
                        @Schema(description = "TRN02: the trace the status was reported under (CLM01 in a 277CA)",
                                example = "PM-2026-000123", maxLength = 80) String trace,
                        @Schema(description = "When AR Desk received it", implementation = String.class, format = "date-time",
                                maxLength = 35, example = "2026-11-20T14:02:11Z") Instant receivedAt) {
    }
}
