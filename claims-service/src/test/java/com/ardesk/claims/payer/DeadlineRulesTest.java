package com.ardesk.claims.payer;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlineRulesTest {
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
