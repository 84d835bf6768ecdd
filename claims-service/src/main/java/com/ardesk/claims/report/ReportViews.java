package com.ardesk.claims.report;

import com.ardesk.kit.aging.AgingBasis;
import com.ardesk.kit.openapi.ApiSchemas;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Report bodies. */
public final class ReportViews {
    private ReportViews() {
    }

    @Schema(description = "Open AR (balance > 0, not written off or closed) by aging bucket")
    public record BucketTotal(@Schema(example = "31-60", enumeration = {"0-30", "31-60", "61-90", "91-120", "120+"}) String bucket,
                              @Schema(example = "42", minimum = "0", maximum = ApiSchemas.LONG_MAX) long count,
                              @Schema(example = "15420.50") BigDecimal balance) {
    }

    @Schema(description = "One payer's open AR by bucket")
    public record PayerAging(@Schema(example = "AETNA", maxLength = 64, pattern = ApiSchemas.ID_PATTERN) String payerId,
                             @Schema(minimum = "0", maximum = ApiSchemas.LONG_MAX) long count, BigDecimal balance,
                             @Schema(description = "One per aging bucket", maxItems = 5) List<BucketTotal> buckets) {
    }

    @Schema(description = "AR aging: totals and counts by bucket, and by payer x bucket")
    public record ArAging(@Schema(maxLength = 64, pattern = ApiSchemas.ID_PATTERN) String practiceId,
                          @Schema(implementation = String.class, format = "date", maxLength = 10) LocalDate asOf,
                          @Schema(description = "The date aging counts from") AgingBasis basis,
                          @Schema(minimum = "0", maximum = ApiSchemas.LONG_MAX) long count, BigDecimal balance,
                          @Schema(description = "One per aging bucket", maxItems = 5) List<BucketTotal> buckets,
                          @Schema(description = "One per payer with open AR", maxItems = 10000) List<PayerAging> byPayer) {
    }

    @Schema(description = "Denials of one category or payer in the period")
    public record DenialSlice(@Schema(description = "The denial category or the payer id", example = "AUTHORIZATION", maxLength = 64)
                              String key,
                              @Schema(minimum = "0", maximum = ApiSchemas.LONG_MAX) long deniedClaims,
                              @Schema(minimum = "0", maximum = ApiSchemas.LONG_MAX) long adjudicatedClaims,
                              BigDecimal deniedAmount, @Schema(description = "Percent of adjudicated claims") BigDecimal rate) {
    }

    @Schema(description = "Revenue-cycle KPIs for a period; a null figure means it cannot be measured (no data)")
    public record Kpis(@Schema(maxLength = 64, pattern = ApiSchemas.ID_PATTERN) String practiceId,
                       @Schema(implementation = String.class, format = "date", maxLength = 10) LocalDate from,
                       @Schema(implementation = String.class, format = "date", maxLength = 10) LocalDate to,
                       @Schema(description = "Total AR / average daily gross charges of the last N days", example = "38.4") BigDecimal daysInAr,
                       @Schema(description = "Days of charges averaged (fixed)", example = "90", minimum = "90", maximum = "90")
                       int daysInArWindow,
                       BigDecimal totalAr,
                       @Schema(description = "Percent of AR aged over 90 days", example = "17.25") BigDecimal percentArOver90,
                       @Schema(minimum = "0", maximum = ApiSchemas.LONG_MAX) long adjudicatedClaims,
                       @Schema(minimum = "0", maximum = ApiSchemas.LONG_MAX) long deniedClaims,
                       @Schema(description = "Denied claims / adjudicated claims, percent", example = "8.50") BigDecimal denialRateByCount,
                       @Schema(description = "Denied dollars / billed dollars of adjudicated claims, percent") BigDecimal denialRateByDollars,
                       @Schema(description = "One per denial category", maxItems = 10) List<DenialSlice> denialsByCategory,
                       @Schema(description = "One per payer with denials", maxItems = 10000) List<DenialSlice> denialsByPayer,
                       @Schema(description = "Payments / (charges - contractual adjustments), percent", example = "96.10") BigDecimal netCollectionRate) {
    }
}
