package com.ardesk.followup.worklist;

import com.ardesk.followup.rules.TaskType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One line of a worklist: the task, the claim facts a caller ranks by, and why it ranks there. */
@Schema(description = "An open task with its claim's balance, aging and payer, highest priority first; because says why.")
public record WorklistItem(
        @Schema(example = "6f1c2a8e-4b7d-4e0a-9a51-1f0c7d9e2b34") UUID taskId,
        @Schema(example = "P100") String practiceId,
        @Schema(example = "0b9d7a3c-2f41-4c8e-b1f5-7e6a9c3d5f10") UUID claimId,
        @Schema(example = "PM-2026-000187") String externalClaimId,
        @Schema(example = "APPEAL_DEADLINE") TaskType type,
        @Schema(example = "2026-11-23") LocalDate dueOn,
        @Schema(example = "caller-7") String assignee,
        @Schema(example = "182") int priority,
        @Schema(example = "appeal deadline on 2026-11-29") String reason,
        @Schema(example = "[\"appeal deadline in 6 days\", \"balance $4,210.00\", \"denied for AUTHORIZATION\"]") List<String> because,
        @Schema(example = "4210.00") BigDecimal balance,
        @Schema(example = "75") int agingDays,
        @Schema(example = "61-90") String agingBucket,
        @Schema(example = "AETNA") String payerId,
        @Schema(example = "Aetna") String payerName,
        @Schema(description = "Caller holding the next-call lease, if any", example = "caller-7") String leasedBy,
        @Schema(example = "2026-11-23T15:30:00Z") Instant leaseUntil) {
}
