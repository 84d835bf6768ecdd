package com.ardesk.claims.payer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** A payer rule version as the API shows it. */
@Schema(description = "One version of a payer's rules, in force from effectiveFrom until the next version.")
public record RuleTerms(
        @Schema(example = "2026-01-01", implementation = String.class, format = "date", maxLength = 10) LocalDate effectiveFrom,
        @Schema(description = "Days the payer allows to file a claim", example = "365", minimum = "1", maximum = "3650")
        int timelyFilingDays,
        @Schema(description = "What the timely-filing clock counts from", example = "SERVICE_DATE") ClockBasis timelyFilingBasis,
        @Schema(description = "Days to appeal, counted from the denial date", example = "120", minimum = "1", maximum = "3650")
        int appealWindowDays,
        @Schema(description = "Business days after a promised date before a promise counts as broken", example = "5",
                minimum = "0", maximum = "60") int promiseGraceDays) {
}
