package com.ardesk.calls.call;

import com.ardesk.calls.promise.PromiseView;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A call as the API shows it: the current view, and (on GET one) the amendment history. */
@Schema(description = "A logged call in its current form. amendments lists every correction, oldest first "
        + "(omitted in lists).")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallView(
        @Schema(example = "5a3e0f7c-1b2d-4e5f-8a9b-0c1d2e3f4a5b") UUID callId,
        @Schema(example = "P100") String practiceId,
        @Schema(example = "AETNA") String payerId,
        List<UUID> claimIds,
        @Schema(description = "The user who logged the call (token sub)", example = "caller-17") String callerId,
        @Schema(example = "2026-03-02T15:04:05Z") Instant startedAt,
        @Schema(example = "540") int durationSeconds,
        @Schema(example = "Dana R.") String repName,
        @Schema(example = "CR-20260302-7781") String referenceNumber,
        @Schema(example = "PROMISE_TO_PAY") Outcome outcome,
        String notes,
        Instant callbackAt,
        PromiseView promise,
        Instant createdAt,
        List<AmendmentView> amendments,
        @JsonIgnore long version) {
}
