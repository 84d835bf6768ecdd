package com.ardesk.events.claims;

import java.time.LocalDate;
import java.util.List;

/**
 * A practice's own contract terms with a payer changed (the envelope's practiceId names the
 * practice). Carries every version so a consumer can pick the one in force on any date, e.g.
 * calls-service the promise grace days on a promise's date. Where a practice has no version in
 * force, the payer's terms from {@link PayerChanged} apply.
 */
public record PayerTermsChanged(String payerId, List<Version> versions) {
    /** One version, in force from {@code effectiveFrom} until the next one. */
    public record Version(LocalDate effectiveFrom, int timelyFilingDays, String timelyFilingBasis,
                          int appealWindowDays, int promiseGraceDays) {
    }
}
