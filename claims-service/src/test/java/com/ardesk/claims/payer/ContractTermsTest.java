package com.ardesk.claims.payer;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ContractTermsTest {
    static final RuleTerms PAYER = new RuleTerms(LocalDate.of(2020, 1, 1), 365, ClockBasis.SERVICE_DATE, 120, 5);
    static final RuleTerms OWN_2026 = new RuleTerms(LocalDate.of(2026, 1, 1), 90, ClockBasis.SERVICE_DATE, 60, 2);
    static final RuleTerms OWN_2027 = new RuleTerms(LocalDate.of(2027, 1, 1), 180, ClockBasis.FIRST_BILLED_DATE, 90, 3);
    static final ContractTerms TERMS = new ContractTerms(List.of(OWN_2027, OWN_2026), List.of(PAYER));

    @Test
    void thePracticesVersionInForceWinsOverThePayerRule() {
        assertThat(TERMS.inForce(LocalDate.of(2026, 6, 1))).contains(new ContractTerms.InForce(OWN_2026, ContractTerms.Source.PRACTICE));
        assertThat(TERMS.inForce(LocalDate.of(2027, 1, 1))).contains(new ContractTerms.InForce(OWN_2027, ContractTerms.Source.PRACTICE));
    }

    @Test
    void beforeThePracticesFirstVersionThePayerRuleGoverns() {
        assertThat(TERMS.inForce(LocalDate.of(2025, 12, 31))).contains(new ContractTerms.InForce(PAYER, ContractTerms.Source.PAYER));
    }

    @Test
    void withoutAnyTermsNothingGoverns() {
        assertThat(new ContractTerms(List.of(), List.of()).inForce(LocalDate.of(2026, 1, 1))).isEmpty();
    }

    @Test
    void deadlinesUseThePracticesTermsOnTheirClockDate() {
        // appeal: 60 days under the practice's 2026 terms, 120 under the payer's rule before them
        assertThat(DeadlineRules.appealDeadline(TERMS, LocalDate.of(2026, 3, 1))).contains(LocalDate.of(2026, 4, 30));
        assertThat(DeadlineRules.appealDeadline(TERMS, LocalDate.of(2025, 3, 1))).contains(LocalDate.of(2025, 6, 29));
        // filing: 90 days from service under the practice's 2026 terms
        assertThat(DeadlineRules.timelyFilingDeadline(TERMS, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 10)))
                .contains(LocalDate.of(2026, 5, 2));
        // 2027 terms count 180 days from first billed
        assertThat(DeadlineRules.timelyFilingDeadline(TERMS, LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 10)))
                .contains(LocalDate.of(2027, 8, 9));
    }
}
