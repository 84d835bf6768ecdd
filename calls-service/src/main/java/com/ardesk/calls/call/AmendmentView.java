package com.ardesk.calls.call;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One correction of a call: who, when, why, and what changed. */
@Schema(description = "A correction of a call with each field's value before and after.")
public record AmendmentView(
        @Schema(implementation = String.class, format = "uuid", maxLength = 36) UUID amendmentId,
        @Schema(example = "caller-17", maxLength = 128) String amendedBy,
        @Schema(example = "2026-03-02T16:00:00Z", implementation = String.class, format = "date-time", maxLength = 35) Instant amendedAt,
        @Schema(example = "Typo in the reference number", maxLength = 2000) String reason,
        @Schema(description = "One entry per amendable field that changed", maxItems = 7) List<FieldChange> changes) {

    /** One field's value before and after, as strings. */
    @Schema(description = "One changed field")
    public record FieldChange(@Schema(example = "referenceNumber", enumeration = {"startedAt", "durationSeconds", "repName",
                                      "referenceNumber", "outcome", "notes", "callbackAt"}) String field,
                              @Schema(example = "CR-20260302-7718", maxLength = 10000) String from,
                              @Schema(example = "CR-20260302-7781", maxLength = 10000) String to) {
    }
}
