package com.ardesk.claims.report;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class KpiMathTest {
    @Test
    void daysInArIsArOverAverageDailyCharges() {
        // $180,000 charged in 90 days = $2,000/day; $76,800 AR / $2,000 = 38.4 days
        assertThat(KpiMath.daysInAr(new BigDecimal("76800.00"), new BigDecimal("180000.00"), 90)).isEqualByComparingTo("38.4");
        assertThat(KpiMath.daysInAr(new BigDecimal("100.00"), BigDecimal.ZERO, 90)).isNull();
    }

    @Test
    void percentOfArOver90() {
        // $13,248 of $76,800 = 17.25 %
        assertThat(KpiMath.percent(new BigDecimal("13248.00"), new BigDecimal("76800.00"))).isEqualByComparingTo("17.25");
    }

    @Test
    void denialRateByCountAndByDollars() {
        assertThat(KpiMath.percent(17, 200)).isEqualByComparingTo("8.50");
        assertThat(KpiMath.percent(new BigDecimal("1250.00"), new BigDecimal("40000.00"))).isEqualByComparingTo("3.13");
        assertThat(KpiMath.percent(0, 0)).isNull();
    }

    @Test
    void netCollectionRateExcludesContractualAdjustments() {
        // $57,660 paid of ($100,000 charged - $40,000 contractual) = 96.10 %
        assertThat(KpiMath.netCollectionRate(new BigDecimal("57660.00"), new BigDecimal("100000.00"),
                new BigDecimal("40000.00"))).isEqualByComparingTo("96.10");
    }
}
