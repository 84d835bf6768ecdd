package com.ardesk.claims.claim;

import com.ardesk.claims.aging.AgingBasis;
import com.ardesk.claims.aging.AgingBucket;
import com.ardesk.claims.appeal.AppealView;
import com.ardesk.claims.denial.DenialView;
import com.ardesk.claims.payment.PaymentView;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A claim with its lines, money, aging, deadlines and history, as GET /api/v1/claims/{id} shows it. */
@Schema(description = "A claim with its lines, money totals, aging, deadlines, denials, payments and appeals.")
public record ClaimView(
        UUID claimId,
        @Schema(example = "P100") String practiceId,
        @Schema(example = "PM-2026-000123") String externalClaimId,
        ClaimInput.PatientInput patient,
        @Schema(example = "MEDICARE") String payerId,
        @Schema(example = "1234567893") String providerNpi,
        LocalDate serviceDateFrom,
        LocalDate serviceDateTo,
        LocalDate submittedOn,
        ClaimStatus status,
        @Schema(example = "370.00") BigDecimal billedAmount,
        @Schema(example = "120.00") BigDecimal paidAmount,
        @Schema(description = "Contractual and other (non-patient) adjustments", example = "80.00") BigDecimal adjustmentAmount,
        @Schema(description = "Patient's share (PR adjustments)", example = "30.00") BigDecimal patientResponsibility,
        @Schema(example = "0.00") BigDecimal writtenOffAmount,
        @Schema(description = "What the payer still owes: billed - paid - adjustments - patient responsibility - write-offs",
                example = "140.00") BigDecimal balance,
        @Schema(description = "True when more was paid than owed (negative balance)") boolean creditBalance,
        @Schema(example = "47") long agingDays,
        @Schema(example = "31-60") AgingBucket agingBucket,
        @Schema(description = "Which date aging counts from") AgingBasis agingBasis,
        @Schema(description = "Last day to file with this payer, from the payer rule in force") LocalDate timelyFilingDeadline,
        @Schema(description = "Last day to appeal the latest denial, if any") LocalDate appealDeadline,
        String payerClaimControlNumber,
        List<LineView> lines,
        List<DenialView> denials,
        List<PaymentView> payments,
        List<AppealView> appeals,
        Instant createdAt,
        Instant updatedAt,
        @JsonIgnore long version) {

    @Schema(description = "One service line")
    public record LineView(int lineNumber, @Schema(example = "99214") String procedureCode, List<String> modifiers,
                           int units, @Schema(example = "185.00") BigDecimal chargeAmount, List<String> diagnosisCodes) {
    }
}
