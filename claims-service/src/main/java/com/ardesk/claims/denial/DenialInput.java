package com.ardesk.claims.denial;

import com.ardesk.kit.openapi.ApiSchemas;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Body of POST /api/v1/claims/{claimId}/denials. */
@Schema(description = "A denial as the payer reported it (835 CAS or a call)")
public record DenialInput(@Schema(description = "CO, PR, OA, PI or CR", example = "CO", maxLength = 2,
                                  enumeration = {"CO", "PR", "OA", "PI", "CR"}) String groupCode,
                          @Schema(description = "CARC", example = "197", maxLength = 5, pattern = "^[A-Z0-9]{1,5}$") String reasonCode,
                          @Schema(description = "RARCs", example = "[\"N54\"]", type = SchemaType.ARRAY,
                                  implementation = RemarkCode.class, maxItems = 10) List<String> remarkCodes,
                          @Schema(example = "185.00", type = SchemaType.NUMBER, minimum = "0", maximum = ApiSchemas.MONEY_MAX) BigDecimal amount,
                          @Schema(example = "2026-11-02", implementation = String.class, format = "date", maxLength = 10) LocalDate deniedOn) {

    /** Only names the item schema of RARC lists in the OpenAPI document. */
    @Schema(name = "RemarkCode", type = SchemaType.STRING, maxLength = 6, pattern = "^[A-Z]{1,2}[0-9]{1,4}$", example = "N54")
    interface RemarkCode {
    }
}
