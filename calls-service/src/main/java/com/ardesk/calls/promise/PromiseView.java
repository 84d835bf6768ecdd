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
        @Schema(example = "7f1d2c1a-94c4-4b8e-8f0e-2a4f5d6c7b8a", implementation = String.class, format = "uuid",
                maxLength = 36) UUID promiseId,
        @Schema(description = "The call it was made on; absent for a payment-plan installment",
                implementation = String.class, format = "uuid", maxLength = 36) UUID callId,
        @Schema(description = "The payment plan it is an installment of", implementation = String.class, format = "uuid",
                maxLength = 36) UUID planId,
        @Schema(example = "1", minimum = "1", maximum = "60") Integer installmentNo,
        @Schema(example = "P100", maxLength = 64) String practiceId,
        @Schema(implementation = String.class, format = "uuid", maxLength = 36) UUID claimId,
        @Schema(description = "PATIENT for a payment-plan installment", example = "AETNA", maxLength = 64) String payerId,
        @Schema(example = "1250.00") BigDecimal amount,
        @Schema(example = "2026-03-10", implementation = String.class, format = "date", maxLength = 10) LocalDate expectedOn,
        @Schema(example = "CHECK") PaymentMethod method,
        @Schema(example = "CHK-0048213", maxLength = 64) String reference,
        @Schema(example = "OPEN") PromiseStatus status,
        @Schema(description = "Business days of grace after expectedOn", example = "5", minimum = "0", maximum = "60")
        int graceDays,
        @Schema(description = "Last day a payment still keeps the promise", example = "2026-03-17",
                implementation = String.class, format = "date", maxLength = 10) LocalDate brokenAfter,
        @Schema(description = "The payment that kept it", implementation = String.class, format = "uuid", maxLength = 36)
        UUID paymentId,
        @Schema(example = "1250.00") BigDecimal paidAmount,
        @Schema(description = "When it was kept, broken or cancelled", example = "2026-03-12",
                implementation = String.class, format = "date", maxLength = 10) LocalDate settledOn,
        @Schema(maxLength = 2000) String cancelReason,
        @Schema(maxLength = 128) String cancelledBy,
        @Schema(implementation = String.class, format = "date-time", maxLength = 35) Instant createdAt,
        @JsonIgnore long version) {

    static PromiseView of(Promise p) {
        return new PromiseView(p.promiseId, p.callId, p.planId, p.installmentNo, p.practiceId, p.claimId, p.payerId,
                p.amount, p.expectedOn, p.method, p.reference, p.status, p.graceDays, p.brokenAfter, p.paymentId, p.paidAmount, p.settledOn,
                p.cancelReason, p.cancelledBy, p.createdAt, p.version);
    }
}
