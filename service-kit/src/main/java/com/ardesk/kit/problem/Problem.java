package com.ardesk.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * RFC 9457 problem details, the body of every 4xx and 5xx AR Desk answers.
 *
 * @param type      a stable URI per kind of problem, for clients to branch on
 * @param requestId the request's X-Request-Id, so support can find the log lines
 * @param errors    for validation problems: every violation, not just the first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "RFC 9457 problem details")
public record Problem(
        @Schema(format = "uri", maxLength = 200, example = "https://ardesk.dev/problems/validation") String type,
        @Schema(maxLength = 200, example = "Request is invalid") String title,
        @Schema(minimum = "100", maximum = "599", example = "400") int status,
        @Schema(maxLength = 8192, example = "lines[0].units: must be between 1 and 9999") String detail,
        @Schema(description = "The request path", format = "uri-reference", maxLength = 8192, example = "api/v1/claims") String instance,
        @Schema(maxLength = 128, pattern = "^[A-Za-z0-9._:-]{1,128}$", example = "4f1c2a9e-5b7d-4c1e-9a31-2f6d8e0b7c55")
        String requestId,
        @Schema(maxItems = 10000) List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://ardesk.dev/problems/";

    /** The type URI of a problem kind, e.g. {@code validation} → https://ardesk.dev/problems/validation. */
    public static String type(String kind) {
        return TYPE_BASE + kind;
    }
}
