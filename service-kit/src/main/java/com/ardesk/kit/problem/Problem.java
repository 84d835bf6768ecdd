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
    private static final int MAX_INSTANCE = 512;
    private static final String HEX = "0123456789abcdefABCDEF";

    /** {@code instance} is left out when it is not a URI reference (a path with a broken or decoded escape). */
    public Problem {
        instance = uriReferenceOrNull(instance);
    }

    /** The type URI of a problem kind, e.g. {@code validation} → https://ardesk.dev/problems/validation. */
    public static String type(String kind) {
        return TYPE_BASE + kind;
    }

    /**
     * The path as it may stand in {@code instance} (an RFC 3986 URI reference), or null: a request
     * refused for its broken percent-encoding, or a path decoded to characters a URI cannot hold,
     * must not get an answer that itself breaks the contract.
     */
    static String uriReferenceOrNull(String path) {
        if (path == null || path.isEmpty() || path.length() > MAX_INSTANCE) {
            return null;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%') {
                if (i + 2 >= path.length() || HEX.indexOf(path.charAt(i + 1)) < 0
                        || HEX.indexOf(path.charAt(i + 2)) < 0) {
                    return null;
                }
                i += 2;
            } else if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0)) {
                return null;
            }
        }
        return path;
    }
}
