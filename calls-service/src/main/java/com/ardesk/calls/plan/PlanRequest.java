package com.ardesk.calls.plan;

import com.ardesk.calls.call.NewCall;
import com.ardesk.calls.promise.PaymentMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Body of POST /api/v1/payment-plans. */
@Schema(description = "A payment plan for a patient's balance on one or more claims. Installments must sum to total "
        + "and be due on distinct, increasing dates.")
public record PlanRequest(
        @NotBlank @Size(max = 64) @Schema(example = "P100") String practiceId,
        @NotEmpty @Size(max = 50) @Schema(type = SchemaType.ARRAY, implementation = NewCall.Uuid.class)
        List<@NotNull UUID> claimIds,
        @NotNull @Valid Patient patient,
        @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) @Schema(example = "300.00") BigDecimal total,
        @NotEmpty @Size(max = 60) List<@NotNull @Valid Installment> installments,
        @Schema(description = "How the patient will pay; default CHECK", example = "CHECK") PaymentMethod method,
        @Schema(description = "The call on which the plan was agreed", implementation = String.class, format = "uuid",
                maxLength = 36) UUID callId) {

    /** The patient the plan is with; identity stays out of logs and events. */
    @Schema(description = "The patient, by the PM system's account number")
    public record Patient(@NotBlank @Size(max = 64) @Schema(example = "A-100234") String accountNumber,
                          @Size(max = 200) @Schema(example = "Jordan Lee") String name) {
    }

    /** One installment. */
    @Schema(description = "One installment")
    public record Installment(@NotNull @Schema(example = "2026-04-01", implementation = String.class, format = "date", maxLength = 10) LocalDate dueOn,
                              @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2)
                              @Schema(example = "100.00") BigDecimal amount) {
    }
}
