package com.ardesk.calls.promise;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A promise as the API shows it. */
@Schema(description = "A promise to pay: OPEN until a payment keeps it, the grace period breaks it, or it is cancelled.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromiseView(
        @Schema(example = "7f1d2c1a-94c4-4b8e-8f0e-2a4f5d6c7b8a") UUID promiseId,
        @Schema(description = "The call it was made on; absent for a payment-plan installment") UUID callId,
        @Schema(description = "The payment plan it is an installment of") UUID planId,
        @Schema(example = "1") Integer installmentNo,
        @Schema(example = "P100") String practiceId,
        UUID claimId,
        @Schema(example = "AETNA") String payerId,
        @Schema(example = "1250.00") BigDecimal amount,
        @Schema(example = "2026-03-10") LocalDate expectedOn,
        @Schema(example = "CHECK") PaymentMethod method,
        @Schema(example = "CHK-0048213") String reference,
        @Schema(example = "OPEN") PromiseStatus status,
        @Schema(description = "Business days of grace after expectedOn", example = "5") int graceDays,
        @Schema(description = "Last day a payment still keeps the promise", example = "2026-03-17") LocalDate brokenAfter,
        @Schema(description = "The payment that kept it") UUID paymentId,
        @Schema(example = "1250.00") BigDecimal paidAmount,
        @Schema(description = "When it was kept, broken or cancelled", example = "2026-03-12") LocalDate settledOn,
        String cancelReason,
        String cancelledBy,
        Instant createdAt,
        @JsonIgnore long version) {

    static PromiseView of(Promise p) {
        return new PromiseView(p.promiseId, p.callId, p.planId, p.installmentNo, p.practiceId, p.claimId, p.payerId,
                p.amount, p.expectedOn, p.method, p.reference, p.status, p.graceDays, p.brokenAfter, p.paymentId, p.paidAmount, p.settledOn,
                p.cancelReason, p.cancelledBy, p.createdAt, p.version);
    }
}
