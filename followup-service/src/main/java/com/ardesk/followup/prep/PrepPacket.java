package com.ardesk.followup.prep;

import com.ardesk.followup.task.TaskView;
import com.ardesk.kit.openapi.ApiSchemas;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Everything a caller needs before phoning the payer about one claim, from followup-service's own read model. */
@Schema(description = "Call-preparation packet: the claim, its deadlines, denials, last calls, promises, payment "
        + "history, open tasks, the matching call script and the hint it was matched on.")
public record PrepPacket(ClaimInfo claim,
                         @Schema(description = "Appeal and timely filing deadlines, and one per open promise",
                                 maxItems = ApiSchemas.UNBOUNDED_ITEMS) List<Deadline> deadlines,
                         @Schema(maxItems = ApiSchemas.UNBOUNDED_ITEMS) List<DenialInfo> denials,
                         @Schema(maxItems = PrepService.LAST_CALLS) List<CallInfo> lastCalls,
                         @Schema(maxItems = ApiSchemas.UNBOUNDED_ITEMS) List<PromiseInfo> promises,
                         @Schema(description = "Payments and reversals posted to the claim, newest first",
                                 maxItems = ApiSchemas.UNBOUNDED_ITEMS) List<PaymentInfo> payments,
                         @Schema(description = "At most one open task per type", maxItems = 6) List<TaskView> openTasks,
                         @Schema(description = "The call script that fits the claim (the practice's own or a default), "
                                 + "as GET /api/v1/call-scripts/match would choose it; null when none fits")
                         Script script,
                         ScriptHint scriptHint) {

    @Schema(description = "The claim as last reported by claims-service, with its payer's phone.")
    public record ClaimInfo(
            @Schema(example = "0b9d7a3c-2f41-4c8e-b1f5-7e6a9c3d5f10", implementation = String.class, format = "uuid", maxLength = 36) UUID claimId,
            @Schema(example = "P100", maxLength = 64) String practiceId,
            @Schema(example = "PM-2026-000187", maxLength = 64) String externalClaimId,
            @Schema(example = "DENIED", maxLength = 32) String status,
            @Schema(example = "AETNA", maxLength = 64) String payerId,
            @Schema(example = "Aetna", maxLength = 200) String payerName,
            @Schema(example = "+1-800-555-0100", maxLength = 40) String payerPhone,
            @Schema(example = "5000.00") BigDecimal billedAmount,
            @Schema(example = "0.00") BigDecimal paidAmount,
            @Schema(example = "790.00") BigDecimal adjustmentAmount,
            @Schema(example = "0.00") BigDecimal patientResponsibility,
            @Schema(example = "4210.00") BigDecimal balance,
            @Schema(example = "2026-09-01", implementation = String.class, format = "date", maxLength = 10) LocalDate serviceDateFrom,
            @Schema(example = "2026-09-01", implementation = String.class, format = "date", maxLength = 10) LocalDate serviceDateTo,
            @Schema(example = "2026-09-05", implementation = String.class, format = "date", maxLength = 10) LocalDate submittedOn,
            @Schema(example = "79", minimum = "0", maximum = ApiSchemas.INT_MAX) int agingDays,
            @Schema(example = "61-90", enumeration = {"0-30", "31-60", "61-90", "91-120", "120+"}) String agingBucket) {
    }

    @Schema(description = "A date that binds the claim: APPEAL, TIMELY_FILING or PROMISE.")
    public record Deadline(@Schema(example = "APPEAL", enumeration = {"APPEAL", "TIMELY_FILING", "PROMISE"}) String kind,
                           @Schema(example = "2026-11-29", implementation = String.class, format = "date", maxLength = 10) LocalDate on,
                           @Schema(description = "Negative once the date has passed", example = "6",
                                   minimum = ApiSchemas.LONG_MIN, maximum = ApiSchemas.LONG_MAX) long daysLeft) {
    }

    @Schema(description = "A denial with its CARC group/reason, RARCs and the category derived from them.")
    public record DenialInfo(@Schema(implementation = String.class, format = "uuid", maxLength = 36) UUID denialId,
                             @Schema(example = "CO", maxLength = 4) String groupCode,
                             @Schema(example = "197", maxLength = 8) String reasonCode,
                             @Schema(example = "[\"N54\"]", type = SchemaType.ARRAY, implementation = RemarkCode.class,
                                     maxItems = 10) List<String> remarkCodes,
                             @Schema(example = "AUTHORIZATION", maxLength = 40) String category,
                             @Schema(example = "4210.00") BigDecimal amount,
                             @Schema(example = "2026-10-31", implementation = String.class, format = "date", maxLength = 10) LocalDate deniedOn,
                             @Schema(example = "2026-11-29", implementation = String.class, format = "date", maxLength = 10) LocalDate appealDeadline) {
    }

    @Schema(description = "A logged call, newest first.")
    public record CallInfo(@Schema(implementation = String.class, format = "uuid", maxLength = 36) UUID callId,
                           @Schema(example = "2026-11-16T15:04:00Z", implementation = String.class, format = "date-time", maxLength = 35) Instant startedAt,
                           @Schema(example = "caller-7", maxLength = 128) String callerId,
                           @Schema(example = "IN_PROCESS", maxLength = 32) String outcome,
                           @Schema(example = "REF-55812", maxLength = 64) String referenceNumber,
                           @Schema(example = "Dana", maxLength = 128) String repName,
                           @Schema(example = "2026-11-30T14:00:00Z", implementation = String.class, format = "date-time", maxLength = 35) Instant callbackAt) {
    }

    @Schema(description = "A promise to pay and its state (OPEN, KEPT, BROKEN), newest first.")
    public record PromiseInfo(@Schema(implementation = String.class, format = "uuid", maxLength = 36) UUID promiseId, @Schema(example = "4210.00") BigDecimal amount,
                              @Schema(example = "2026-11-30", implementation = String.class, format = "date", maxLength = 10) LocalDate expectedOn,
                              @Schema(example = "CHECK", maxLength = 16) String method,
                              @Schema(example = "CHK-88123", maxLength = 64) String reference,
                              @Schema(example = "OPEN", maxLength = 16) String status,
                              @Schema(example = "2026-12-01", implementation = String.class, format = "date", maxLength = 10) LocalDate settledOn) {
    }

    @Schema(description = "A payment posted to the claim (a reversal is negative), newest first.")
    public record PaymentInfo(@Schema(implementation = String.class, format = "uuid", maxLength = 36) UUID paymentId,
                              @Schema(example = "1200.00") BigDecimal amount,
                              @Schema(example = "2026-11-20", implementation = String.class, format = "date", maxLength = 10) LocalDate paidOn,
                              @Schema(example = "CHECK", enumeration = {"CHECK", "EFT", "VCARD"}) String method,
                              @Schema(description = "Check or EFT trace number", example = "CHK-88123", maxLength = 80) String reference) {
    }

    @Schema(description = "The matching call script itself: what to say, the steps, and rebuttals to objections.")
    public record Script(@Schema(implementation = String.class, format = "uuid", maxLength = 36) UUID scriptId,
                         @Schema(description = "The owning practice; absent for a default", example = "P100", maxLength = 64)
                         String practiceId,
                         @Schema(example = "Denial: authorization", maxLength = 120) String name,
                         @Schema(example = "I'm calling about a claim denied for missing authorization.", maxLength = 2000) String opening,
                         @Schema(example = "Get a retro-authorization or the appeal path.", maxLength = 2000) String objective,
                         @Schema(type = SchemaType.ARRAY, implementation = Step.class, maxItems = 50) List<String> steps,
                         @Schema(maxItems = 50) List<Objection> objections,
                         @Schema(description = "Specificity of the fit (payer 8, denial category 4, last outcome 2, status 1)",
                                 example = "4", minimum = "0", maximum = "15") int score,
                         @Schema(description = "Why this script was chosen", type = SchemaType.ARRAY, implementation = Reason.class, maxItems = 6,
                                 example = "[\"the claim's denial category is AUTHORIZATION\"]")
                         List<String> why) {
    }

    /** Only names the item schema of a script's reasons in the OpenAPI document. */
    @Schema(name = "ScriptReason", type = SchemaType.STRING, maxLength = 128, example = "the claim's denial category is CODING")
    interface Reason {
    }

    @Schema(description = "An anticipated objection and its rebuttal.")
    public record Objection(@Schema(example = "No authorization is on file.", maxLength = 1000) String objection,
                            @Schema(example = "We obtained authorization number A-1; can you search by date and provider?",
                                    maxLength = 2000) String rebuttal) {
    }

    /** Only names the item schema of {@code steps} in the OpenAPI document. */
    @Schema(name = "PrepScriptStep", type = SchemaType.STRING, maxLength = 1000,
            example = "Ask if retro-authorization is possible and how to request it")
    interface Step {
    }

    @Schema(description = "What calls-service's GET /api/v1/call-scripts/match keys on.")
    public record ScriptHint(@Schema(example = "AETNA", maxLength = 64) String payerId,
                             @Schema(example = "DENIED", maxLength = 32) String status,
                             @Schema(example = "AUTHORIZATION", maxLength = 40) String denialCategory,
                             @Schema(example = "IN_PROCESS", maxLength = 32) String lastOutcome) {
    }

    /** A RARC as claims-service accepts it (at most 10 per denial) before ClaimDenied carries it here. */
    @Schema(name = "RemarkCode", type = SchemaType.STRING, maxLength = 6, example = "N54")
    public interface RemarkCode {
    }
}
