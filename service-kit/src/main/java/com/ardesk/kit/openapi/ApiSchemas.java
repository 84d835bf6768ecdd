package com.ardesk.kit.openapi;

/**
 * Limits every service's OpenAPI document states alike, so one rule reads the same in each
 * document. For the document only: the services enforce these bounds themselves (Bean Validation,
 * the domain validators, the kit's JSON rules). Named item schemas ({@code @Schema(name = ...)}
 * interfaces) stay in the service that uses them: here, every service's document would list them.
 */
public final class ApiSchemas {
    /** No JVM list holds more; stated where the service itself sets no bound. */
    public static final int UNBOUNDED_ITEMS = Integer.MAX_VALUE;
    public static final String INT_MAX = "2147483647";
    /** Counts, sums and day differences with no bound of their own but their {@code long} type. */
    public static final String LONG_MIN = "-9223372036854775808";
    public static final String LONG_MAX = "9223372036854775807";
    /** Practice and payer ids: a letter or digit, then up to 63 letters, digits, dots, underscores or hyphens. */
    public static final String ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
    /** A page's {@code nextCursor} (base64url, see web/Cursors). */
    public static final String CURSOR_PATTERN = "^[A-Za-z0-9_-]*$";
    /** Money amounts: two decimal places, below a trillion either way (claims-service stores numeric(14,2)). */
    public static final String MONEY_MAX = "999999999999.99";
    public static final String MONEY_MIN = "-999999999999.99";

    private ApiSchemas() {
    }
}
