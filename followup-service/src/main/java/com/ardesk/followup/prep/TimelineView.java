package com.ardesk.followup.prep;

import com.ardesk.kit.openapi.ApiSchemas;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A claim's whole communication history, oldest first. */
@Schema(description = "Claim events, calls, promises and task changes of one claim in time order.")
public record TimelineView(@Schema(implementation = String.class, format = "uuid", maxLength = 36) UUID claimId,
                           @Schema(maxItems = ApiSchemas.UNBOUNDED_ITEMS) List<Entry> entries) {

    @Schema(description = "One thing that happened to the claim.")
    public record Entry(@Schema(example = "2026-11-16T15:04:00Z", implementation = String.class, format = "date-time", maxLength = 35) Instant at,
                        @Schema(description = "CLAIM_DENIED, PAYMENT_POSTED, STATUS_CHANGED, PAYER_STATUS, APPEAL_FILED, "
                                + "WRITTEN_OFF, CALL_LOGGED, PROMISE_TO_PAY, PROMISE_KEPT, PROMISE_BROKEN, TASK_OPENED, "
                                + "TASK_DONE, TASK_CANCELLED, TASK_SNOOZED, TASK_ASSIGNED, TASK_RESCHEDULED", example = "CALL_LOGGED", maxLength = 40) String kind,
                        @Schema(example = "call by caller-7: IN_PROCESS, rep Dana, ref REF-55812", maxLength = 1000) String summary,
                        @Schema(description = "Id of the call, promise, denial, payment or task", example = "4d1e...",
                                maxLength = 64) String refId) {
    }
}
