package com.ardesk.kit.aging;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Days in AR and bucket of a claim, counted in the practice's own calendar day (docs/domain.md#aging).
 * claims-service (claim view, list) and followup-service (worklist, prep packet, priority) both age
 * claims here, from the same two dates ClaimChanged carries, so they agree on every claim's bucket.
 */
public final class AgingCalculator {
    private AgingCalculator() {
    }

    /** The date aging counts from; null when the claim has neither date. */
    public static LocalDate basisDate(AgingBasis basis, LocalDate submittedOn, LocalDate serviceDateFrom) {
        LocalDate date = basis == AgingBasis.FIRST_BILLED ? submittedOn : serviceDateFrom;
        // a claim without a billed date ages from its date of service
        return date != null ? date : serviceDateFrom;
    }

    /** Whole days from the basis date to today, never negative; 0 without a basis date. */
    public static long agingDays(LocalDate basisDate, LocalDate today) {
        return basisDate == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(basisDate, today));
    }
}
