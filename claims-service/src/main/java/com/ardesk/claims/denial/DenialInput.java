package com.ardesk.claims.denial;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Body of POST /api/v1/claims/{claimId}/denials. */
@Schema(description = "A denial as the payer reported it (835 CAS or a call)")
public record DenialInput(@Schema(description = "CO, PR, OA, PI or CR", example = "CO") String groupCode,
                          @Schema(description = "CARC", example = "197") String reasonCode,
                          @Schema(description = "RARCs", example = "[\"N54\"]") List<String> remarkCodes,
                          @Schema(example = "185.00") BigDecimal amount,
                          @Schema(example = "2026-11-02") LocalDate deniedOn) {
}
