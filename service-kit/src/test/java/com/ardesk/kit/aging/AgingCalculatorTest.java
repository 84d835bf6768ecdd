package com.ardesk.kit.aging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class AgingCalculatorTest {
    @ParameterizedTest
    @CsvSource({"0,0-30", "30,0-30", "31,31-60", "60,31-60", "61,61-90", "90,61-90", "91,91-120", "120,91-120",
            "121,120+", "4000,120+"})
    void bucketBoundaries(long days, String label) {
        assertThat(AgingBucket.of(days).label()).isEqualTo(label);
        assertThat(AgingBucket.fromLabel(label)).isEqualTo(AgingBucket.of(days));
    }

    @Test
    void agingCountsFromTheBasisDateAndFirstBilledFallsBackToServiceDate() {
        LocalDate service = LocalDate.of(2026, 9, 1);
        LocalDate billed = LocalDate.of(2026, 9, 10);
        LocalDate today = LocalDate.of(2026, 11, 23);
        assertThat(AgingCalculator.agingDays(AgingCalculator.basisDate(AgingBasis.FIRST_BILLED, billed, service), today)).isEqualTo(74);
        assertThat(AgingCalculator.agingDays(AgingCalculator.basisDate(AgingBasis.SERVICE_DATE, billed, service), today)).isEqualTo(83);
        assertThat(AgingCalculator.basisDate(AgingBasis.FIRST_BILLED, null, service)).isEqualTo(service);
        assertThat(AgingCalculator.basisDate(AgingBasis.SERVICE_DATE, billed, null)).isNull();
    }

    @Test
    void aClaimWithoutDatesOrFromTheFutureHasAgedNoDays() {
        LocalDate today = LocalDate.of(2026, 11, 23);
        assertThat(AgingCalculator.agingDays(null, today)).isZero();
        assertThat(AgingCalculator.agingDays(today.plusDays(3), today)).isZero();
    }
}
