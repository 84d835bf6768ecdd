package com.ardesk.claims.status;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What one claim-level status of a 277/277CA did. */
@Schema(description = "One claim-level status (TRN*2 with its STCs) and what it changed")
public record StatusResult(@Schema(description = "TRN02: the claim's trace (CLM01 in a 277CA)", example = "PM-2026-000123", maxLength = 80)
                           String trace,
                           @Schema(implementation = String.class, format = "uuid", maxLength = 36) UUID claimId,
                           @Schema(example = "A3", maxLength = 8) String statusCategory,
                           @Schema(description = "Every claim-level STC01 as sent", example = "[\"A3:21:85\"]", type = SchemaType.ARRAY,
                                   implementation = StatusCode.class, maxItems = 99)
                           List<String> statusCodes,
                           @Schema(implementation = String.class, format = "date", maxLength = 10) LocalDate effectiveOn,
                           @Schema(example = "SUBMITTED", maxLength = 20, description = "The claim's status after this") String claimStatus,
                           @Schema(example = "updated", enumeration = {"updated", "unchanged", "unmatched"},
                                   description = "updated; unchanged (already received: a replay changes nothing); unmatched (no such claim)")
                           String result) {

    /** Only names the item schema of the status code list in the OpenAPI document. */
    @Schema(name = "StcStatusCode", type = SchemaType.STRING, maxLength = 40, example = "A3:21:85")
    interface StatusCode {
    }
}
