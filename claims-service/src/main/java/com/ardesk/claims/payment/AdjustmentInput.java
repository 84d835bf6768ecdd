package com.ardesk.claims.payment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** A CAS adjustment: group (CO, PR, OA, PI, CR), CARC and amount. */
@Schema(description = "An adjustment: group code, CARC and amount")
public record AdjustmentInput(@Schema(example = "CO") String groupCode, @Schema(example = "45") String reasonCode,
                              @Schema(example = "80.00") BigDecimal amount) {
}
