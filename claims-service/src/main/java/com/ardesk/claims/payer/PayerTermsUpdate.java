package com.ardesk.claims.payer;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** Body of PUT /api/v1/practices/{practiceId}/payer-terms/{payerId}: one version of the practice's terms. */
@Schema(description = "A practice's contract terms with a payer, in force from effectiveFrom (default: today) until its "
        + "next version. Sending an effectiveFrom that already has a version replaces that version.")
public record PayerTermsUpdate(
        @NotNull @Min(1) @Max(3650) @Schema(description = "Days the payer allows this practice to file a claim",
                example = "180", minimum = "1", maximum = "3650") Integer timelyFilingDays,
        @Schema(description = "What the timely-filing clock counts from", example = "FIRST_BILLED_DATE",
                defaultValue = "SERVICE_DATE") ClockBasis timelyFilingBasis,
        @NotNull @Min(1) @Max(3650) @Schema(description = "Days to appeal, counted from the denial date", example = "90",
                minimum = "1", maximum = "3650") Integer appealWindowDays,
        @Min(0) @Max(60) @Schema(description = "Business days after a promised date before a promise counts as broken",
                example = "3", defaultValue = "5", minimum = "0", maximum = "60") Integer promiseGraceDays,
        @Schema(example = "2026-01-01", implementation = String.class, format = "date", maxLength = 10) LocalDate effectiveFrom) {
}
