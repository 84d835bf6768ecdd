package com.ardesk.claims.payment;

import com.ardesk.kit.openapi.ApiSchemas;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** A CAS adjustment: group (CO, PR, OA, PI, CR), CARC and amount. */
@Schema(description = "An adjustment: group code, CARC and amount")
public record AdjustmentInput(@Schema(description = "CO, PR, OA, PI or CR", example = "CO", maxLength = 2, pattern = "^[A-Z]{2}$") String groupCode,
                              @Schema(description = "CARC", example = "45", maxLength = 5, pattern = "^[A-Z0-9]{1,5}$")
                              String reasonCode,
                              @Schema(description = "Negative when the payer reverses an adjustment", example = "80.00",
                                      type = SchemaType.NUMBER, minimum = ApiSchemas.MONEY_MIN, maximum = ApiSchemas.MONEY_MAX) BigDecimal amount) {
}
