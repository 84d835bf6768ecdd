package com.ardesk.claims.remit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A posted 835 transaction and what happened to each claim in it. */
@Schema(description = "An 835 payment and what was posted from it")
public record RemittanceView(UUID remittanceId, String practiceId, @Schema(example = "MEDICARE PART B") String payerName,
                             String payerIdentifier, @Schema(example = "1234567890") String traceNumber,
                             @Schema(example = "ACH") String paymentMethod, @Schema(example = "1250.00") BigDecimal paymentAmount,
                             LocalDate paymentDate, Instant receivedAt, List<ClaimResult> claims,
                             List<ProviderAdjustmentView> providerAdjustments) {

    @Schema(description = "One CLP: posted, denied, reversed, or why it was not posted")
    public record ClaimResult(@Schema(example = "PM-2026-000123") String patientControlNumber,
                              @Schema(example = "1") String claimStatusCode, UUID claimId,
                              BigDecimal charge, BigDecimal paid, BigDecimal patientResponsibility,
                              String payerClaimControlNumber,
                              @Schema(example = "posted", description = "posted, denied, reversed, unmatched, skipped or rejected")
                              String result, String note) {
    }

    @Schema(description = "A PLB provider-level adjustment (not tied to a claim)")
    public record ProviderAdjustmentView(String providerId, LocalDate fiscalPeriod, @Schema(example = "WO") String reasonCode,
                                         String reference, BigDecimal amount) {
    }
}
