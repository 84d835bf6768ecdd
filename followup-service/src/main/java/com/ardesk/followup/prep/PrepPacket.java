package com.ardesk.followup.prep;

import com.ardesk.followup.task.TaskView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Everything a caller needs before phoning the payer about one claim, from followup-service's own read model. */
@Schema(description = "Call-preparation packet: the claim, its deadlines, denials, last calls, promises, open tasks "
        + "and a hint for calls-service's script match.")
public record PrepPacket(ClaimInfo claim, List<Deadline> deadlines, List<DenialInfo> denials, List<CallInfo> lastCalls,
                         List<PromiseInfo> promises, List<TaskView> openTasks, ScriptHint scriptHint) {

    @Schema(description = "The claim as last reported by claims-service, with its payer's phone.")
    public record ClaimInfo(
            @Schema(example = "0b9d7a3c-2f41-4c8e-b1f5-7e6a9c3d5f10") UUID claimId,
            @Schema(example = "P100") String practiceId,
            @Schema(example = "PM-2026-000187") String externalClaimId,
            @Schema(example = "DENIED") String status,
            @Schema(example = "AETNA") String payerId,
            @Schema(example = "Aetna") String payerName,
            @Schema(example = "+1-800-555-0100") String payerPhone,
            @Schema(example = "5000.00") BigDecimal billedAmount,
            @Schema(example = "0.00") BigDecimal paidAmount,
            @Schema(example = "790.00") BigDecimal adjustmentAmount,
            @Schema(example = "0.00") BigDecimal patientResponsibility,
            @Schema(example = "4210.00") BigDecimal balance,
            @Schema(example = "2026-09-01") LocalDate serviceDateFrom,
            @Schema(example = "2026-09-01") LocalDate serviceDateTo,
            @Schema(example = "2026-09-05") LocalDate submittedOn,
            @Schema(example = "79") int agingDays,
            @Schema(example = "61-90") String agingBucket) {
    }

    @Schema(description = "A date that binds the claim: APPEAL, TIMELY_FILING or PROMISE.")
    public record Deadline(@Schema(example = "APPEAL") String kind, @Schema(example = "2026-11-29") LocalDate on,
                           @Schema(example = "6") long daysLeft) {
    }

    @Schema(description = "A denial with its CARC group/reason, RARCs and the category derived from them.")
    public record DenialInfo(UUID denialId, @Schema(example = "CO") String groupCode,
                             @Schema(example = "197") String reasonCode,
                             @Schema(example = "[\"N54\"]") List<String> remarkCodes,
                             @Schema(example = "AUTHORIZATION") String category,
                             @Schema(example = "4210.00") BigDecimal amount,
                             @Schema(example = "2026-10-31") LocalDate deniedOn,
                             @Schema(example = "2026-11-29") LocalDate appealDeadline) {
    }

    @Schema(description = "A logged call, newest first.")
    public record CallInfo(UUID callId, @Schema(example = "2026-11-16T15:04:00Z") Instant startedAt,
                           @Schema(example = "caller-7") String callerId,
                           @Schema(example = "IN_PROCESS") String outcome,
                           @Schema(example = "REF-55812") String referenceNumber,
                           @Schema(example = "Dana") String repName,
                           @Schema(example = "2026-11-30T14:00:00Z") Instant callbackAt) {
    }

    @Schema(description = "A promise to pay and its state (OPEN, KEPT, BROKEN), newest first.")
    public record PromiseInfo(UUID promiseId, @Schema(example = "4210.00") BigDecimal amount,
                              @Schema(example = "2026-11-30") LocalDate expectedOn,
                              @Schema(example = "CHECK") String method,
                              @Schema(example = "CHK-88123") String reference,
                              @Schema(example = "OPEN") String status,
                              @Schema(example = "2026-12-01") LocalDate settledOn) {
    }

    @Schema(description = "What calls-service's GET /api/v1/call-scripts/match keys on.")
    public record ScriptHint(@Schema(example = "AETNA") String payerId,
                             @Schema(example = "DENIED") String status,
                             @Schema(example = "AUTHORIZATION") String denialCategory,
                             @Schema(example = "IN_PROCESS") String lastOutcome) {
    }
}
