package com.ardesk.claims.payer;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Filing and appeal deadlines from a payer's versioned rules: each deadline uses the rule version in
 * force on its own clock date (service or first-billed date for timely filing, denial date for appeals).
 */
public final class DeadlineRules {
    private DeadlineRules() {
    }

    public static Optional<LocalDate> timelyFilingDeadline(List<RuleTerms> rules, LocalDate serviceDate,
                                                           LocalDate firstBilledOn) {
        return PayerRules.inForce(rules, serviceDate).map(rule -> {
            LocalDate clock = rule.timelyFilingBasis() == ClockBasis.FIRST_BILLED_DATE && firstBilledOn != null
                    ? firstBilledOn : serviceDate;
            RuleTerms governing = PayerRules.inForce(rules, clock).orElse(rule);
            return clock.plusDays(governing.timelyFilingDays());
        });
    }

    public static Optional<LocalDate> appealDeadline(List<RuleTerms> rules, LocalDate deniedOn) {
        return PayerRules.inForce(rules, deniedOn).map(rule -> deniedOn.plusDays(rule.appealWindowDays()));
    }
}
