package com.ardesk.claims.payer;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** Body of PUT /api/v1/payers/{payerId}: contact data plus the rule version starting on effectiveFrom. */
@Schema(description = "A payer's contact data and the rule version that starts on effectiveFrom (default: today). "
        + "Sending an effectiveFrom that already has a version replaces that version.")
public record PayerUpdate(
        @NotBlank @Size(max = 200) @Schema(example = "Medicare Part B (Noridian JE)", maxLength = 200) String name,
        @Size(max = 40) @Pattern(regexp = "[+0-9 ()x.-]*", message = "must be a phone number")
        @Schema(example = "+1-855-609-9960", maxLength = 40, pattern = "^[+0-9 ()x.-]*$") String phone,
        @NotNull @Min(1) @Max(3650) @Schema(example = "365", minimum = "1", maximum = "3650") Integer timelyFilingDays,
        @Schema(example = "SERVICE_DATE", defaultValue = "SERVICE_DATE") ClockBasis timelyFilingBasis,
        @NotNull @Min(1) @Max(3650) @Schema(example = "120", minimum = "1", maximum = "3650") Integer appealWindowDays,
        @Min(0) @Max(60) @Schema(example = "5", defaultValue = "5", minimum = "0", maximum = "60") Integer promiseGraceDays,
        @Schema(example = "2026-01-01", implementation = String.class, format = "date", maxLength = 10) LocalDate effectiveFrom) {
}
