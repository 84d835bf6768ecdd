package com.ardesk.claims.payer;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Filing and appeal deadlines from a practice's contract terms with a payer: each deadline uses the
 * terms in force on its own clock date (service or first-billed date for timely filing, denial date
 * for appeals), the practice's own version first, else the payer's rule (see {@link ContractTerms}).
 */
public final class DeadlineRules {
    private DeadlineRules() {
    }

    public static Optional<LocalDate> timelyFilingDeadline(ContractTerms terms, LocalDate serviceDate,
                                                           LocalDate firstBilledOn) {
        return terms.inForce(serviceDate).map(ContractTerms.InForce::terms).map(rule -> {
            LocalDate clock = rule.timelyFilingBasis() == ClockBasis.FIRST_BILLED_DATE && firstBilledOn != null
                    ? firstBilledOn : serviceDate;
            RuleTerms governing = terms.inForce(clock).map(ContractTerms.InForce::terms).orElse(rule);
            return clock.plusDays(governing.timelyFilingDays());
        });
    }

    public static Optional<LocalDate> appealDeadline(ContractTerms terms, LocalDate deniedOn) {
        return terms.inForce(deniedOn).map(t -> deniedOn.plusDays(t.terms().appealWindowDays()));
    }
}
