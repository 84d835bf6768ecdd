package com.ardesk.claims.payment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A posted payment with its adjustments. */
@Schema(description = "A payment posted to the claim; a negative amount is a reversal")
public record PaymentView(UUID paymentId, @Schema(example = "120.00") BigDecimal amount, LocalDate paidOn,
                          @Schema(example = "EFT") String method, @Schema(example = "EFT-88812") String reference,
                          List<AdjustmentInput> adjustments, @Schema(example = "MANUAL") String source) {
}
