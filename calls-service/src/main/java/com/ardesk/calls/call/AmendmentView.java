package com.ardesk.calls.call;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One correction of a call: who, when, why, and what changed. */
@Schema(description = "A correction of a call with each field's value before and after.")
public record AmendmentView(
        UUID amendmentId,
        @Schema(example = "caller-17") String amendedBy,
        @Schema(example = "2026-03-02T16:00:00Z") Instant amendedAt,
        @Schema(example = "Typo in the reference number") String reason,
        List<FieldChange> changes) {

    /** One field's value before and after, as strings. */
    @Schema(description = "One changed field")
    public record FieldChange(@Schema(example = "referenceNumber") String field,
                              @Schema(example = "CR-20260302-7718") String from,
                              @Schema(example = "CR-20260302-7781") String to) {
    }
}
