package com.ardesk.kit.problem;

import java.util.List;
import java.util.Map;

/**
 * Thrown by domain code to refuse a request; the mapper turns it into problem+json. Carries no
 * stack trace: it is an answer, not a failure.
 */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String kind;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, String> headers;

    public ProblemException(int status, String kind, String title, String detail, List<FieldError> errors,
                            Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public ProblemException(int status, String kind, String title, String detail) {
        this(status, kind, title, detail, List.of(), Map.of());
    }

    /** 400 listing every violation. */
    public static ProblemException validation(List<FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new ProblemException(400, "validation", "Request is invalid", detail, errors, Map.of());
    }

    public static ProblemException validation(String field, String message) {
        return validation(List.of(new FieldError(field, message)));
    }

    /** 404; also what a resource of another practice answers, so its existence does not leak. */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist");
    }

    /** 409: the resource's state does not allow this. */
    public static ProblemException conflict(String kind, String detail) {
        return new ProblemException(409, kind, "Conflict", detail);
    }

    /** 422: well-formed, but the domain refuses it (e.g. an adjustment that is not a denial). */
    public static ProblemException unprocessable(String kind, String detail, List<FieldError> errors) {
        return new ProblemException(422, kind, "Unprocessable request", detail, errors, Map.of());
    }

    public int status() {
        return status;
    }

    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
