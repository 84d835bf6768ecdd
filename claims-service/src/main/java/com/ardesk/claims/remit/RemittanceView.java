package com.ardesk.claims.remit;

import com.ardesk.kit.openapi.ApiSchemas;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A posted 835 transaction and what happened to each claim in it. */
@Schema(description = "An 835 payment and what was posted from it")
public record RemittanceView(@Schema(implementation = String.class, format = "uuid", maxLength = 36) UUID remittanceId,
                             @Schema(description = "The practice the payment was posted to", maxLength = 64,
                                     pattern = ApiSchemas.ID_PATTERN)
                             String practiceId,
                             @Schema(example = "MEDICARE PART B", maxLength = 200) String payerName,
                             @Schema(maxLength = 80) String payerIdentifier,
                             @Schema(example = "1234567890", maxLength = 80) String traceNumber,
                             @Schema(example = "ACH", maxLength = 8) String paymentMethod,
                             @Schema(example = "1250.00", type = SchemaType.NUMBER, minimum = ApiSchemas.MONEY_MIN, maximum = ApiSchemas.MONEY_MAX)
                             BigDecimal paymentAmount,
                             @Schema(implementation = String.class, format = "date", maxLength = 10) LocalDate paymentDate,
                             @Schema(implementation = String.class, format = "date-time", maxLength = 35) Instant receivedAt,
                             @Schema(description = "POSTED once every claim is posted (a file of up to the threshold is posted "
                                     + "before the answer); a larger file is RECEIVED, then PROCESSING chunk by chunk, then POSTED, or "
                                     + "FAILED when a chunk kept failing (the claims of its committed chunks stay posted; a POSTING_FAILED flag says why)",
                                     example = "PROCESSING", enumeration = {"RECEIVED", "PROCESSING", "POSTED", "FAILED"})
                             String status,
                             @Schema(description = "CLPs posted so far", example = "12500", minimum = "0", maximum = "100000000")
                             int processed,
                             @Schema(description = "CLPs in the transaction", example = "50000", minimum = "0", maximum = "100000000")
                             int total,
                             @Schema(description = "One per CLP, in file order; empty while the remittance is RECEIVED or "
                                     + "PROCESSING and in the answer to a file posted in the background (GET its Location)",
                                     maxItems = 100000000)
                             List<ClaimResult> claims,
                             @Schema(description = "PLB adjustments, in file order; listed with the claims", maxItems = 1000000)
                             List<ProviderAdjustmentView> providerAdjustments,
                             @Schema(description = "What the 835 did not say cleanly: UNBALANCED (BPR02 differs from the sum of "
                                     + "CLP04 less PLB), PAYER_MISMATCH, REVERSAL_WITHOUT_ORIGINAL, DUPLICATE_CLAIM_ID (one CLP01 "
                                     + "for different patients), READ_WARNING (accepted although not standard), POSTING_FAILED (the background posting gave up); listed with the claims", maxItems = 100000000)
                             List<Flag> flags) {

    @Schema(description = "One CLP: posted, denied, reversed, or why it was not posted")
    public record ClaimResult(@Schema(example = "PM-2026-000123", maxLength = 64) String patientControlNumber,
                              @Schema(example = "1", maxLength = 4) String claimStatusCode,
                              @Schema(implementation = String.class, format = "uuid", maxLength = 36) UUID claimId,
                              @Schema(type = SchemaType.NUMBER, minimum = ApiSchemas.MONEY_MIN, maximum = ApiSchemas.MONEY_MAX) BigDecimal charge,
                              @Schema(type = SchemaType.NUMBER, minimum = ApiSchemas.MONEY_MIN, maximum = ApiSchemas.MONEY_MAX) BigDecimal paid,
                              @Schema(type = SchemaType.NUMBER, minimum = ApiSchemas.MONEY_MIN, maximum = ApiSchemas.MONEY_MAX) BigDecimal patientResponsibility,
                              @Schema(maxLength = 64) String payerClaimControlNumber,
                              @Schema(example = "posted", description = "posted, denied, reversed, unmatched, skipped or rejected",
                                      enumeration = {"posted", "denied", "reversed", "unmatched", "skipped", "rejected"})
                              String result,
                              @Schema(maxLength = 500) String note,
                              @Schema(description = "Someone has to look at this claim (reversal without original, payer mismatch, "
                                      + "ambiguous CLP01, a posting the claim's state refused)") boolean needsReview) {
    }

    @Schema(description = "Something about the remittance someone should know or check")
    public record Flag(@Schema(example = "UNBALANCED", maxLength = 40,
                               enumeration = {"UNBALANCED", "PAYER_MISMATCH", "REVERSAL_WITHOUT_ORIGINAL", "DUPLICATE_CLAIM_ID", "READ_WARNING",
                                       "POSTING_FAILED"})
                       String code,
                       @Schema(example = "BPR02 200.00 differs from the sum of CLP04 less PLB amounts, 450.00", maxLength = 500)
                       String detail) {
    }

    @Schema(description = "A PLB provider-level adjustment (not tied to a claim)")
    public record ProviderAdjustmentView(@Schema(maxLength = 80) String providerId,
                                         @Schema(implementation = String.class, format = "date", maxLength = 10) LocalDate fiscalPeriod,
                                         @Schema(example = "WO", maxLength = 8) String reasonCode,
                                         @Schema(maxLength = 80) String reference,
                                         @Schema(type = SchemaType.NUMBER, minimum = ApiSchemas.MONEY_MIN, maximum = ApiSchemas.MONEY_MAX) BigDecimal amount) {
    }
}
