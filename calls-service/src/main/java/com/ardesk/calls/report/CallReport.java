package com.ardesk.calls.report;

import com.ardesk.kit.openapi.ApiSchemas;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Caller productivity and outcomes for a period. */
@Schema(description = "Call analytics for the period [from, to] (call start dates, UTC), grouped as asked, with totals.")
public record CallReport(
        @Schema(description = "The practice, or null for every practice in the token", example = "P100",
                maxLength = 64) String practiceId,
        @Schema(example = "2026-03-01", implementation = String.class, format = "date", maxLength = 10) LocalDate from,
        @Schema(example = "2026-03-31", implementation = String.class, format = "date", maxLength = 10) LocalDate to,
        @Schema(example = "caller", enumeration = {"caller", "payer", "outcome", "day"}) String groupBy,
        @Schema(description = "One per caller, payer, outcome or day with calls in the period",
                maxItems = ApiSchemas.UNBOUNDED_ITEMS) List<Row> rows,
        Row totals) {

    /** One group (a caller, payer, outcome or day) or the totals. */
    @Schema(description = "Metrics of one group. Promises count by the call that made them; callsPerHour is per hour "
            + "of talk time; promiseKeptRate = kept / (kept + broken), null until one is settled.")
    public record Row(
            @Schema(description = "Caller id, payer id, outcome, day (YYYY-MM-DD), or total for the totals",
                    example = "caller-17", maxLength = 128) String key,
            @Schema(example = "42", minimum = "0", maximum = ApiSchemas.LONG_MAX) long calls,
            @Schema(example = "15120", minimum = "0", maximum = ApiSchemas.LONG_MAX) long talkSeconds,
            @Schema(example = "10.00") BigDecimal callsPerHour,
            @Schema(example = "{\"IN_PROCESS\":20,\"PROMISE_TO_PAY\":12,\"NO_ANSWER\":10}",
                    additionalProperties = Count.class, maxProperties = 10) Map<String, Long> outcomeMix,
            @Schema(example = "12", minimum = "0", maximum = ApiSchemas.LONG_MAX) long promisesMade,
            @Schema(example = "8", minimum = "0", maximum = ApiSchemas.LONG_MAX) long promisesKept,
            @Schema(example = "2", minimum = "0", maximum = ApiSchemas.LONG_MAX) long promisesBroken,
            @Schema(example = "0.8000") BigDecimal promiseKeptRate,
            @Schema(example = "4.25") BigDecimal averageReviewScore,
            @Schema(example = "4", minimum = "0", maximum = ApiSchemas.LONG_MAX) long reviews) {
    }

    /** A count as a map value (an annotation cannot sit on a map's value type). */
    @Schema(name = "Count", type = SchemaType.INTEGER, format = "int64", minimum = "0",
            maximum = ApiSchemas.LONG_MAX, example = "12")
    public interface Count {
    }
}
