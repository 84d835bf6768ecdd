package com.ardesk.claims.payment;

import com.ardesk.kit.openapi.ApiSchemas;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A posted payment with its adjustments. */
@Schema(description = "A payment posted to the claim; a negative amount is a reversal")
public record PaymentView(@Schema(implementation = String.class, format = "uuid", maxLength = 36) UUID paymentId,
                          @Schema(example = "120.00", type = SchemaType.NUMBER, minimum = ApiSchemas.MONEY_MIN, maximum = ApiSchemas.MONEY_MAX) BigDecimal amount,
                          @Schema(implementation = String.class, format = "date", maxLength = 10) LocalDate paidOn,
                          @Schema(example = "EFT", maxLength = 8) String method,
                          @Schema(example = "EFT-88812", maxLength = 64) String reference,
                          @Schema(description = "At most 99 when posted by hand; an 835 brings every CAS adjustment of the claim",
                                  maxItems = 10000) List<AdjustmentInput> adjustments,
                          @Schema(description = "Where it came from: MANUAL or the 835 that reported it", example = "MANUAL",
                                  maxLength = 16) String source) {
}
