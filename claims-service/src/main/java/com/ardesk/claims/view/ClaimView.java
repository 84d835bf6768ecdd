package com.ardesk.claims.view;

import com.ardesk.claims.appeal.AppealView;
import com.ardesk.claims.claim.ClaimInput;
import com.ardesk.claims.claim.ClaimStatus;
import com.ardesk.claims.claim.ClaimValidator;
import com.ardesk.claims.denial.DenialView;
import com.ardesk.claims.payment.PaymentView;
import com.ardesk.kit.aging.AgingBasis;
import com.ardesk.kit.aging.AgingBucket;
import com.ardesk.kit.openapi.ApiSchemas;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A claim with its lines, money, aging, deadlines and history, as GET /api/v1/claims/{id} shows it. */
@Schema(description = "A claim with its lines, money totals, aging, deadlines, denials, payments and appeals.")
public record ClaimView(
        @Schema(implementation = String.class, format = "uuid", maxLength = 36) UUID claimId,
        @Schema(example = "P100", maxLength = 64, pattern = ApiSchemas.ID_PATTERN) String practiceId,
        @Schema(example = "PM-2026-000123", maxLength = 64, pattern = "^[\\x21-\\x7E]{1,64}$") String externalClaimId,
        ClaimInput.PatientInput patient,
        @Schema(example = "MEDICARE", maxLength = 64, pattern = ApiSchemas.ID_PATTERN) String payerId,
        @Schema(example = "1234567893", maxLength = 10, pattern = "^[0-9]{10}$") String providerNpi,
        @Schema(implementation = String.class, format = "date", maxLength = 10) LocalDate serviceDateFrom,
        @Schema(implementation = String.class, format = "date", maxLength = 10) LocalDate serviceDateTo,
        @Schema(implementation = String.class, format = "date", maxLength = 10) LocalDate submittedOn,
        ClaimStatus status,
        @Schema(example = "370.00", type = SchemaType.NUMBER, minimum = "0", maximum = ApiSchemas.MONEY_MAX) BigDecimal billedAmount,
        @Schema(example = "120.00", type = SchemaType.NUMBER, minimum = ApiSchemas.MONEY_MIN, maximum = ApiSchemas.MONEY_MAX)
        BigDecimal paidAmount,
        @Schema(description = "Contractual and other (non-patient) adjustments", example = "80.00",
                type = SchemaType.NUMBER, minimum = ApiSchemas.MONEY_MIN, maximum = ApiSchemas.MONEY_MAX) BigDecimal adjustmentAmount,
        @Schema(description = "Patient's share (PR adjustments)", example = "30.00",
                type = SchemaType.NUMBER, minimum = ApiSchemas.MONEY_MIN, maximum = ApiSchemas.MONEY_MAX) BigDecimal patientResponsibility,
        @Schema(example = "0.00", type = SchemaType.NUMBER, minimum = "0", maximum = ApiSchemas.MONEY_MAX) BigDecimal writtenOffAmount,
        @Schema(description = "What the payer still owes: billed - paid - adjustments - patient responsibility - write-offs",
                example = "140.00",
                type = SchemaType.NUMBER, minimum = ApiSchemas.MONEY_MIN, maximum = ApiSchemas.MONEY_MAX) BigDecimal balance,
        @Schema(description = "True when more was paid than owed (negative balance)") boolean creditBalance,
        @Schema(example = "47", minimum = "0", maximum = ApiSchemas.LONG_MAX) long agingDays,
        @Schema(example = "31-60") AgingBucket agingBucket,
        @Schema(description = "Which date aging counts from") AgingBasis agingBasis,
        @Schema(description = "Last day to file with this payer, from the payer rule in force",
                implementation = String.class, format = "date", maxLength = 10) LocalDate timelyFilingDeadline,
        @Schema(description = "Last day to appeal the latest denial, if any", implementation = String.class, format = "date", maxLength = 10)
        LocalDate appealDeadline,
        @Schema(description = "The payer's claim id (835 CLP07)", maxLength = 64) String payerClaimControlNumber,
        @Schema(maxItems = ClaimValidator.MAX_LINES) List<LineView> lines,
        @Schema(description = "Every denial recorded, oldest first", maxItems = 10000) List<DenialView> denials,
        @Schema(description = "Every payment and reversal posted, oldest first", maxItems = 10000) List<PaymentView> payments,
        @Schema(description = "Every appeal filed, oldest first", maxItems = 10000) List<AppealView> appeals,
        @Schema(implementation = String.class, format = "date-time", maxLength = 35) Instant createdAt,
        @Schema(implementation = String.class, format = "date-time", maxLength = 35) Instant updatedAt,
        @JsonIgnore long version) {

    @Schema(description = "One service line")
    public record LineView(@Schema(minimum = "1", maximum = "50") int lineNumber,
                           @Schema(example = "99214", maxLength = 5, pattern = "^(\\d{4}[0-9A-Z]|[A-V]\\d{4})$")
                           String procedureCode,
                           @Schema(type = SchemaType.ARRAY, implementation = ClaimInput.Modifier.class, maxItems = 4)
                           List<String> modifiers,
                           @Schema(minimum = "1", maximum = "9999") int units,
                           @Schema(example = "185.00", type = SchemaType.NUMBER, minimum = "0", maximum = ApiSchemas.MONEY_MAX)
                           BigDecimal chargeAmount,
                           @Schema(type = SchemaType.ARRAY, implementation = ClaimInput.DiagnosisCode.class, maxItems = 4)
                           List<String> diagnosisCodes) {
    }
}
