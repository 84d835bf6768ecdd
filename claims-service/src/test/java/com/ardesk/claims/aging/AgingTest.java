package com.ardesk.claims.aging;

import com.ardesk.claims.payer.ClockBasis;
import com.ardesk.claims.payer.ContractTerms;
import com.ardesk.claims.payer.DeadlineRules;
import com.ardesk.claims.payer.RuleTerms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AgingTest {
    @ParameterizedTest
    @CsvSource({"0,0-30", "30,0-30", "31,31-60", "60,31-60", "61,61-90", "90,61-90", "91,91-120", "120,91-120",
            "121,120+", "4000,120+"})
    void bucketBoundaries(long days, String label) {
        assertThat(AgingBucket.of(days).label()).isEqualTo(label);
    }

    @Test
    void agingCountsFromFirstBilledDateAndFallsBackToServiceDate() {
        LocalDate service = LocalDate.of(2026, 9, 1);
        LocalDate billed = LocalDate.of(2026, 9, 10);
        LocalDate today = LocalDate.of(2026, 11, 23);
        assertThat(AgingCalculator.agingDays(AgingCalculator.basisDate(AgingBasis.FIRST_BILLED, billed, service), today)).isEqualTo(74);
        assertThat(AgingCalculator.agingDays(AgingCalculator.basisDate(AgingBasis.SERVICE_DATE, billed, service), today)).isEqualTo(83);
        assertThat(AgingCalculator.basisDate(AgingBasis.FIRST_BILLED, null, service)).isEqualTo(service);
    }

    @Test
    void deadlinesUseTheRuleInForceOnTheirClockDate() {
        ContractTerms rules = ContractTerms.payerOnly(List.of(
                new RuleTerms(LocalDate.of(2020, 1, 1), 365, ClockBasis.SERVICE_DATE, 120, 5),
                new RuleTerms(LocalDate.of(2026, 10, 1), 90, ClockBasis.FIRST_BILLED_DATE, 60, 5)));
        // serviced under the old rule: 365 days from the date of service
        assertThat(DeadlineRules.timelyFilingDeadline(rules, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 5)))
                .contains(LocalDate.of(2027, 9, 1));
        // serviced under the new rule: 90 days from first billed
        assertThat(DeadlineRules.timelyFilingDeadline(rules, LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 5)))
                .contains(LocalDate.of(2027, 1, 3));
        assertThat(DeadlineRules.appealDeadline(rules, LocalDate.of(2026, 9, 30))).contains(LocalDate.of(2027, 1, 28));
        assertThat(DeadlineRules.appealDeadline(rules, LocalDate.of(2026, 10, 1))).contains(LocalDate.of(2026, 11, 30));
    }
}
