package com.ardesk.calls.plan;

import com.ardesk.calls.call.NewCall;
import com.ardesk.calls.promise.PaymentMethod;
import com.ardesk.calls.promise.PromiseView;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A payment plan with its installments (each a promise) and its derived status. */
@Schema(description = "A payment plan; status is derived from its installments.")
public record PlanView(
        @Schema(implementation = String.class, format = "uuid", maxLength = 36) UUID planId,
        @Schema(example = "P100", maxLength = 64) String practiceId,
        @Schema(type = SchemaType.ARRAY, implementation = NewCall.Uuid.class, minItems = 1, maxItems = 50)
        List<UUID> claimIds,
        PlanRequest.Patient patient,
        @Schema(example = "300.00") BigDecimal total,
        @Schema(example = "CHECK") PaymentMethod method,
        @Schema(implementation = String.class, format = "uuid", maxLength = 36) UUID callId,
        @Schema(example = "ACTIVE") PlanStatus status,
        @Schema(description = "Sum of the kept installments' payments", example = "100.00") BigDecimal paid,
        @Schema(minItems = 1, maxItems = 60) List<PromiseView> installments,
        @Schema(example = "caller-17", maxLength = 128) String createdBy,
        @Schema(implementation = String.class, format = "date-time", maxLength = 35) Instant createdAt) {
}
