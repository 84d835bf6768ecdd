package com.ardesk.followup.worklist;

import com.ardesk.followup.task.TaskView;
import com.ardesk.followup.rules.TaskType;
import com.ardesk.kit.openapi.ApiSchemas;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One line of a worklist: the task, the claim facts a caller ranks by, and why it ranks there. */
@Schema(description = "An open task with its claim's balance, aging and payer, highest priority first; because says why.")
public record WorklistItem(
        @Schema(example = "6f1c2a8e-4b7d-4e0a-9a51-1f0c7d9e2b34", implementation = String.class, format = "uuid", maxLength = 36) UUID taskId,
        @Schema(example = "P100", maxLength = 64) String practiceId,
        @Schema(example = "0b9d7a3c-2f41-4c8e-b1f5-7e6a9c3d5f10", implementation = String.class, format = "uuid", maxLength = 36) UUID claimId,
        @Schema(example = "PM-2026-000187", maxLength = 64) String externalClaimId,
        @Schema(example = "APPEAL_DEADLINE") TaskType type,
        @Schema(example = "2026-11-23", implementation = String.class, format = "date", maxLength = 10) LocalDate dueOn,
        @Schema(example = "caller-7", maxLength = 128) String assignee,
        @Schema(example = "182", minimum = "0", maximum = ApiSchemas.INT_MAX) int priority,
        @Schema(example = "appeal deadline on 2026-11-29", maxLength = 500) String reason,
        @Schema(example = "[\"appeal deadline in 6 days\", \"balance $4,210.00\", \"denied for AUTHORIZATION\"]",
                type = SchemaType.ARRAY, implementation = TaskView.PriorityReason.class, maxItems = 5) List<String> because,
        @Schema(example = "4210.00") BigDecimal balance,
        @Schema(example = "75", minimum = "0", maximum = ApiSchemas.INT_MAX) int agingDays,
        @Schema(example = "61-90", enumeration = {"0-30", "31-60", "61-90", "91-120", "120+"}) String agingBucket,
        @Schema(example = "AETNA", maxLength = 64) String payerId,
        @Schema(example = "Aetna", maxLength = 200) String payerName,
        @Schema(description = "Caller holding the next-call lease, if any", example = "caller-7", maxLength = 128)
        String leasedBy,
        @Schema(example = "2026-11-23T15:30:00Z", implementation = String.class, format = "date-time", maxLength = 35) Instant leaseUntil) {
}
