package com.ardesk.claims.writeoff;

import com.ardesk.kit.openapi.ApiSchemas;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** Body of POST /api/v1/claims/{claimId}/write-off. */
@Schema(description = "A write-off: why, and how much (default: the whole balance)")
public record WriteOffInput(@Schema(description = "Defaults to the remaining balance", example = "12.40",
                                    type = SchemaType.NUMBER, minimum = "0", maximum = ApiSchemas.MONEY_MAX) BigDecimal amount,
                            @Schema(example = "Small balance under $15 policy", maxLength = 500) String reason) {
}
