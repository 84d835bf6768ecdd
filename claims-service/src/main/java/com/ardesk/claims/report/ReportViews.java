package com.ardesk.claims.report;

import com.ardesk.claims.aging.AgingBasis;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Report bodies. */
public final class ReportViews {
    private ReportViews() {
    }

    @Schema(description = "Open AR (balance > 0, not written off or closed) by aging bucket")
    public record BucketTotal(@Schema(example = "31-60") String bucket, @Schema(example = "42") long count,
                              @Schema(example = "15420.50") BigDecimal balance) {
    }

    @Schema(description = "One payer's open AR by bucket")
    public record PayerAging(@Schema(example = "AETNA") String payerId, long count, BigDecimal balance,
                             List<BucketTotal> buckets) {
    }

    @Schema(description = "AR aging: totals and counts by bucket, and by payer x bucket")
    public record ArAging(String practiceId, LocalDate asOf,
                          @Schema(description = "The date aging counts from") AgingBasis basis,
                          long count, BigDecimal balance, List<BucketTotal> buckets, List<PayerAging> byPayer) {
    }

    @Schema(description = "Denials of one category or payer in the period")
    public record DenialSlice(@Schema(example = "AUTHORIZATION") String key, long deniedClaims, long adjudicatedClaims,
                              BigDecimal deniedAmount, @Schema(description = "Percent of adjudicated claims") BigDecimal rate) {
    }

    @Schema(description = "Revenue-cycle KPIs for a period; a null figure means it cannot be measured (no data)")
    public record Kpis(String practiceId, LocalDate from, LocalDate to,
                       @Schema(description = "Total AR / average daily gross charges of the last N days", example = "38.4") BigDecimal daysInAr,
                       @Schema(example = "90") int daysInArWindow,
                       BigDecimal totalAr,
                       @Schema(description = "Percent of AR aged over 90 days", example = "17.25") BigDecimal percentArOver90,
                       long adjudicatedClaims, long deniedClaims,
                       @Schema(description = "Denied claims / adjudicated claims, percent", example = "8.50") BigDecimal denialRateByCount,
                       @Schema(description = "Denied dollars / billed dollars of adjudicated claims, percent") BigDecimal denialRateByDollars,
                       List<DenialSlice> denialsByCategory, List<DenialSlice> denialsByPayer,
                       @Schema(description = "Payments / (charges - contractual adjustments), percent", example = "96.10") BigDecimal netCollectionRate) {
    }
}
