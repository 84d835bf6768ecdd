package com.ardesk.claims.payer;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What governs one practice's claims with one payer: the practice's own contract terms (versions
 * it set with PUT /practices/{practiceId}/payer-terms/{payerId}) and the payer's billing-company-wide
 * rules. On a given clock date the practice's version in force wins; before its first version, or
 * without any, the payer's rule in force on that date governs.
 */
public record ContractTerms(List<RuleTerms> practiceTerms, List<RuleTerms> payerRules) {
    public ContractTerms {
        practiceTerms = List.copyOf(practiceTerms);
        payerRules = List.copyOf(payerRules);
    }

    /** Only the payer's rules: a practice without an agreement of its own. */
    public static ContractTerms payerOnly(List<RuleTerms> payerRules) {
        return new ContractTerms(List.of(), payerRules);
    }

    public boolean isEmpty() {
        return practiceTerms.isEmpty() && payerRules.isEmpty();
    }

    /** The terms in force on {@code clockDate}, and whether they are the practice's own. */
    public Optional<InForce> inForce(LocalDate clockDate) {
        // unlike payer rules, a practice version never reaches back before its effective date:
        // until the practice's agreement starts, the payer's rule is what applied
        Optional<RuleTerms> own = practiceTerms.stream()
                .filter(t -> !t.effectiveFrom().isAfter(clockDate))
                .max(Comparator.comparing(RuleTerms::effectiveFrom));
        if (own.isPresent()) {
            return own.map(t -> new InForce(t, Source.PRACTICE));
        }
        return PayerRules.inForce(payerRules, clockDate).map(t -> new InForce(t, Source.PAYER));
    }

    /** Where the terms in force come from. */
    public enum Source { PRACTICE, PAYER }

    public record InForce(RuleTerms terms, Source source) {
    }
}
