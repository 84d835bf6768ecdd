package com.ardesk.followup.task;

import com.ardesk.followup.rules.TaskType;
import com.ardesk.kit.openapi.ApiSchemas;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A follow-up task as the API shows it. */
@Schema(description = "A follow-up task on a claim. priority is a score (higher first); because says why.")
public record TaskView(
        @Schema(example = "6f1c2a8e-4b7d-4e0a-9a51-1f0c7d9e2b34", implementation = String.class, format = "uuid", maxLength = 36) UUID taskId,
        @Schema(example = "P100", maxLength = 64) String practiceId,
        @Schema(example = "0b9d7a3c-2f41-4c8e-b1f5-7e6a9c3d5f10", implementation = String.class, format = "uuid", maxLength = 36) UUID claimId,
        @Schema(example = "DENIAL") TaskType type,
        @Schema(example = "OPEN") TaskStatus status,
        @Schema(example = "2026-11-23", implementation = String.class, format = "date", maxLength = 10) LocalDate dueOn,
        @Schema(description = "Set while SNOOZED: the day the task wakes up", example = "2026-12-01",
                implementation = String.class, format = "date", maxLength = 10) LocalDate snoozedUntil,
        @Schema(description = "User id of the caller who owns it; null = anyone in the practice", example = "caller-7",
                maxLength = 128) String assignee,
        @Schema(example = "182", minimum = "0", maximum = ApiSchemas.INT_MAX) int priority,
        @Schema(example = "[\"appeal deadline in 6 days\", \"balance $4,210.00\", \"denied for AUTHORIZATION\"]",
                type = SchemaType.ARRAY, implementation = PriorityReason.class, maxItems = 5) List<String> because,
        @Schema(example = "denied CO-197 (AUTHORIZATION) for $4,210.00 on 2026-11-20", maxLength = 500)
        String reason,
        @Schema(description = "Why it was closed, snoozed or cancelled", example = "claim PAID", maxLength = 500)
        String closeReason,
        @Schema(description = "Caller holding the next-call lease", example = "caller-7", maxLength = 128) String leasedBy,
        @Schema(example = "2026-11-23T15:30:00Z", implementation = String.class, format = "date-time", maxLength = 35) Instant leaseUntil,
        @Schema(example = "system", maxLength = 128) String createdBy,
        @Schema(example = "2026-11-20T14:02:11Z", implementation = String.class, format = "date-time", maxLength = 35) Instant createdAt,
        @Schema(example = "2026-11-20T14:02:11Z", implementation = String.class, format = "date-time", maxLength = 35) Instant updatedAt,
        @JsonIgnore long version) {

    public static TaskView from(FollowupTask t) {
        return new TaskView(t.taskId, t.practiceId, t.claimId, t.type, t.status, t.dueOn, t.snoozedUntil, t.assignee,
                t.priority, t.becauseList(), t.reason, t.closeReason, t.leasedBy, t.leaseUntil, t.createdBy,
                t.createdAt, t.updatedAt, t.version);
    }

    /** One reason of a task's priority; the reasons are stored joined in a varchar(1000). */
    @Schema(name = "PriorityReason", type = SchemaType.STRING, maxLength = 1000, example = "appeal deadline in 6 days")
    public interface PriorityReason {
    }
}
