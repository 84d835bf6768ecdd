package com.ardesk.claims.payment;

import com.ardesk.kit.openapi.ApiSchemas;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Body of POST /api/v1/claims/{claimId}/payments. */
@Schema(description = "A payment with the adjustments the payer applied")
public record PaymentInput(@Schema(example = "120.00", type = SchemaType.NUMBER, minimum = "0", maximum = ApiSchemas.MONEY_MAX) BigDecimal amount,
                           @Schema(example = "2026-11-20", implementation = String.class, format = "date", maxLength = 10) LocalDate paidOn,
                           @Schema(example = "EFT") PaymentMethod method,
                           @Schema(description = "Check number or EFT trace (835 TRN02)", example = "EFT-88812",
                                   maxLength = 64) String reference,
                           @Schema(maxItems = 99) List<AdjustmentInput> adjustments) {
}
