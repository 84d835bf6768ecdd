package com.ardesk.calls.call;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * The fields an amendment may correct; absent fields stay as they are. The claims, payer and
 * practice of a call are not amendable (log a new call instead), nor is a promise (cancel it).
 */
@Schema(description = "Fields to correct; omit those that stay. An outcome cannot change to or from PROMISE_TO_PAY.")
public record CallChanges(
        @Schema(example = "2026-03-02T15:04:05Z", implementation = String.class, format = "date-time", maxLength = 35) Instant startedAt,
        @Min(0) @Max(86400) @Schema(example = "600") Integer durationSeconds,
        @Size(max = 120) @Schema(example = "Dana Ruiz") String repName,
        @Size(max = 64) @Schema(example = "CR-20260302-7781") String referenceNumber,
        @Schema(example = "CALLBACK_REQUESTED") Outcome outcome,
        @Size(max = 10000) String notes,
        @Schema(example = "2026-03-04T14:00:00Z", implementation = String.class, format = "date-time", maxLength = 35) Instant callbackAt) {
}
