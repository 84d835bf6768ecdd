package com.ardesk.claims.aging;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Days in AR and bucket of a claim, counted in the practice's own calendar day. */
public final class AgingCalculator {
    private AgingCalculator() {
    }

    public static LocalDate basisDate(AgingBasis basis, LocalDate submittedOn, LocalDate serviceDateFrom) {
        LocalDate date = basis == AgingBasis.FIRST_BILLED ? submittedOn : serviceDateFrom;
        // a claim without a billed date ages from its date of service
        return date != null ? date : serviceDateFrom;
    }

    public static long agingDays(LocalDate basisDate, LocalDate today) {
        return Math.max(0, ChronoUnit.DAYS.between(basisDate, today));
    }
}
