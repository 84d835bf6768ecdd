package com.ardesk.claims.payer;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Which rule version governs a date: the latest one whose effective date is on or before it. */
public final class PayerRules {
    private PayerRules() {
    }

    public static Optional<RuleTerms> inForce(List<RuleTerms> versions, LocalDate clockDate) {
        Optional<RuleTerms> onOrBefore = versions.stream()
                .filter(r -> !r.effectiveFrom().isAfter(clockDate))
                .max(Comparator.comparing(RuleTerms::effectiveFrom));
        // a claim older than every version is judged by the oldest rule we know, not by none
        return onOrBefore.or(() -> versions.stream().min(Comparator.comparing(RuleTerms::effectiveFrom)));
    }
}
