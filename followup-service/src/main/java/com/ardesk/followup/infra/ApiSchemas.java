package com.ardesk.followup.infra;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Limits and item schemas for the OpenAPI document only: an annotation cannot sit on a list's element
 * type, so {@code @Schema(type = ARRAY, implementation = ...)} names one of these to give the items their limits.
 */
public final class ApiSchemas {
    /** No JVM list holds more; stated where the service itself sets no bound. */
    public static final int UNBOUNDED_ITEMS = Integer.MAX_VALUE;
    public static final String INT_MAX = "2147483647";
    public static final String LONG_MIN = "-9223372036854775808";
    public static final String LONG_MAX = "9223372036854775807";

    private ApiSchemas() {
    }

    /** One reason of a task's priority; the reasons are stored joined in a varchar(1000). */
    @Schema(name = "PriorityReason", type = SchemaType.STRING, maxLength = 1000, example = "appeal deadline in 6 days")
    public interface PriorityReason {
    }

    /** A RARC as claims-service accepts it (at most 10 per denial) before ClaimDenied carries it here. */
    @Schema(name = "RemarkCode", type = SchemaType.STRING, maxLength = 6, example = "N54")
    public interface RemarkCode {
    }
}
