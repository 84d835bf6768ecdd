package com.ardesk.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * RFC 9457 problem details, the body of every 4xx and 5xx AR Desk answers.
 *
 * @param type      a stable URI per kind of problem, for clients to branch on
 * @param requestId the request's X-Request-Id, so support can find the log lines
 * @param errors    for validation problems: every violation, not just the first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String requestId,
                      List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://ardesk.dev/problems/";

    /** The type URI of a problem kind, e.g. {@code validation} → https://ardesk.dev/problems/validation. */
    public static String type(String kind) {
        return TYPE_BASE + kind;
    }
}
