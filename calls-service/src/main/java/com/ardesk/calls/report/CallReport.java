package com.ardesk.calls.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Caller productivity and outcomes for a period. */
@Schema(description = "Call analytics for the period [from, to] (call start dates, UTC), grouped as asked, with totals.")
public record CallReport(
        @Schema(description = "The practice, or null for every practice in the token", example = "P100") String practiceId,
        @Schema(example = "2026-03-01") LocalDate from,
        @Schema(example = "2026-03-31") LocalDate to,
        @Schema(example = "caller") String groupBy,
        List<Row> rows,
        Row totals) {

    /** One group (a caller, payer, outcome or day) or the totals. */
    @Schema(description = "Metrics of one group. Promises count by the call that made them; callsPerHour is per hour "
            + "of talk time; promiseKeptRate = kept / (kept + broken), null until one is settled.")
    public record Row(
            @Schema(example = "caller-17") String key,
            @Schema(example = "42") long calls,
            @Schema(example = "15120") long talkSeconds,
            @Schema(example = "10.00") BigDecimal callsPerHour,
            @Schema(example = "{\"IN_PROCESS\":20,\"PROMISE_TO_PAY\":12,\"NO_ANSWER\":10}") Map<String, Long> outcomeMix,
            @Schema(example = "12") long promisesMade,
            @Schema(example = "8") long promisesKept,
            @Schema(example = "2") long promisesBroken,
            @Schema(example = "0.8000") BigDecimal promiseKeptRate,
            @Schema(example = "4.25") BigDecimal averageReviewScore,
            @Schema(example = "4") long reviews) {
    }
}
