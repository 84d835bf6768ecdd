package com.ardesk.claims.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The KPI formulas (HFMA MAP keys, docs/domain.md "KPIs"), separate from the SQL that feeds them so each can be
 * checked against figures computed by hand. A ratio with a zero denominator is null: "not
 * measurable", never a division error or a misleading 0.
 */
public final class KpiMath {
    private KpiMath() {
    }

    /** Days in AR = total AR ÷ (gross charges of the last N days ÷ N), to one decimal. */
    public static BigDecimal daysInAr(BigDecimal totalAr, BigDecimal grossChargesLastNDays, int n) {
        if (grossChargesLastNDays.signum() <= 0 || n <= 0) {
            return null;
        }
        BigDecimal averageDailyCharges = grossChargesLastNDays.divide(BigDecimal.valueOf(n), 10, RoundingMode.HALF_UP);
        return totalAr.divide(averageDailyCharges, 1, RoundingMode.HALF_UP);
    }

    /** part ÷ whole as a percentage with two decimals. */
    public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return null;
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_UP);
    }

    public static BigDecimal percent(long part, long whole) {
        return percent(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
    }

    /** Net collection rate = payments ÷ (charges − contractual adjustments), as a percentage. */
    public static BigDecimal netCollectionRate(BigDecimal payments, BigDecimal charges, BigDecimal contractualAdjustments) {
        return percent(payments, charges.subtract(contractualAdjustments));
    }
}
