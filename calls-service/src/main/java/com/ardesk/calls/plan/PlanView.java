package com.ardesk.calls.plan;

import com.ardesk.calls.promise.PaymentMethod;
import com.ardesk.calls.promise.PromiseView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A payment plan with its installments (each a promise) and its derived status. */
@Schema(description = "A payment plan; status is derived from its installments.")
public record PlanView(
        UUID planId,
        @Schema(example = "P100") String practiceId,
        List<UUID> claimIds,
        PlanRequest.Patient patient,
        @Schema(example = "300.00") BigDecimal total,
        @Schema(example = "CHECK") PaymentMethod method,
        UUID callId,
        @Schema(example = "ACTIVE") PlanStatus status,
        @Schema(description = "Sum of the kept installments' payments", example = "100.00") BigDecimal paid,
        List<PromiseView> installments,
        @Schema(example = "caller-17") String createdBy,
        Instant createdAt) {
}
