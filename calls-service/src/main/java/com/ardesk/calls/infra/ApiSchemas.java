package com.ardesk.calls.infra;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Item schemas for the OpenAPI document only: an annotation cannot sit on a list's element type, so
 * {@code @Schema(type = ARRAY, implementation = ...)} names one of these to give the items their limits.
 */
public final class ApiSchemas {
    /** No JVM list holds more; stated where the service itself sets no bound. */
    public static final int UNBOUNDED_ITEMS = Integer.MAX_VALUE;
    /** Counts and sums with no bound of their own but their {@code long} type. */
    public static final String LONG_MAX = "9223372036854775807";

    private ApiSchemas() {
    }

    @Schema(name = "Uuid", type = SchemaType.STRING, format = "uuid", maxLength = 36,
            example = "0b6f3c1e-5d0a-4c36-9a57-1f2f1c9b6a10")
    public interface Uuid {
    }

    @Schema(name = "Count", type = SchemaType.INTEGER, format = "int64", minimum = "0",
            maximum = LONG_MAX, example = "12")
    public interface Count {
    }
}
