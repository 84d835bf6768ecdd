package com.ardesk.claims.payment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Body of POST /api/v1/claims/{claimId}/payments. */
@Schema(description = "A payment with the adjustments the payer applied")
public record PaymentInput(@Schema(example = "120.00") BigDecimal amount,
                           @Schema(example = "2026-11-20") LocalDate paidOn,
                           @Schema(example = "EFT") PaymentMethod method,
                           @Schema(description = "Check number or EFT trace (835 TRN02)", example = "EFT-88812") String reference,
                           List<AdjustmentInput> adjustments) {
}
