package com.ardesk.claims.payer;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PayerRulesTest {
    private static final RuleTerms Y2025 = new RuleTerms(LocalDate.of(2025, 1, 1), 90, ClockBasis.SERVICE_DATE, 60, 5);
    private static final RuleTerms Y2026 = new RuleTerms(LocalDate.of(2026, 7, 1), 180, ClockBasis.SERVICE_DATE, 120, 5);

    @Test
    void claimUsesTheRuleInForceOnItsClockDate() {
        assertThat(PayerRules.inForce(List.of(Y2026, Y2025), LocalDate.of(2026, 6, 30))).contains(Y2025);
        assertThat(PayerRules.inForce(List.of(Y2026, Y2025), LocalDate.of(2026, 7, 1))).contains(Y2026);
    }

    @Test
    void claimOlderThanEveryVersionUsesTheOldest() {
        assertThat(PayerRules.inForce(List.of(Y2026, Y2025), LocalDate.of(2020, 1, 1))).contains(Y2025);
    }

    @Test
    void noVersionsMeansNoRule() {
        assertThat(PayerRules.inForce(List.of(), LocalDate.of(2026, 1, 1))).isEmpty();
    }
}
