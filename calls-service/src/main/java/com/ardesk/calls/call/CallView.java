package com.ardesk.calls.call;

import com.ardesk.calls.promise.PromiseView;
import com.ardesk.kit.openapi.ApiSchemas;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A call as the API shows it: the current view, and (on GET one) the amendment history. */
@Schema(description = "A logged call in its current form. amendments lists every correction, oldest first "
        + "(omitted in lists).")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallView(
        @Schema(example = "5a3e0f7c-1b2d-4e5f-8a9b-0c1d2e3f4a5b", implementation = String.class, format = "uuid",
                maxLength = 36) UUID callId,
        @Schema(example = "P100", maxLength = 64) String practiceId,
        @Schema(example = "AETNA", maxLength = 64) String payerId,
        @Schema(type = SchemaType.ARRAY, implementation = NewCall.Uuid.class, minItems = 1, maxItems = 50)
        List<UUID> claimIds,
        @Schema(description = "The user who logged the call (token sub)", example = "caller-17",
                maxLength = 128) String callerId,
        @Schema(example = "2026-03-02T15:04:05Z", implementation = String.class, format = "date-time", maxLength = 35) Instant startedAt,
        @Schema(example = "540", minimum = "0", maximum = "86400") int durationSeconds,
        @Schema(example = "Dana R.", maxLength = 120) String repName,
        @Schema(example = "CR-20260302-7781", maxLength = 64) String referenceNumber,
        @Schema(example = "PROMISE_TO_PAY") Outcome outcome,
        @Schema(maxLength = 10000) String notes,
        @Schema(implementation = String.class, format = "date-time", maxLength = 35) Instant callbackAt,
        PromiseView promise,
        @Schema(implementation = String.class, format = "date-time", maxLength = 35) Instant createdAt,
        @Schema(maxItems = ApiSchemas.UNBOUNDED_ITEMS) List<AmendmentView> amendments,
        @JsonIgnore long version) {
}
