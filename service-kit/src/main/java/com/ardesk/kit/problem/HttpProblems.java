package com.ardesk.kit.problem;

import com.ardesk.kit.web.RequestIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * Problem answers given by HTTP filters, before the REST layer and its mappers run (size limits,
 * malformed URIs and headers). Same body as {@link ProblemMappers}, with the request id.
 */
public final class HttpProblems {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpProblems() {
    }

    /** Ends the exchange with a problem; the connection closes when the body was not read. */
    public static void send(RoutingContext rc, int status, String kind, String title, String detail,
                            List<FieldError> errors) {
        if (rc.response().ended() || rc.response().headWritten()) {
            return;
        }
        String path = rc.request().path();
        Problem problem = new Problem(Problem.type(kind), title, status, detail,
                path,
                rc.request().getHeader(RequestIds.HEADER), errors == null || errors.isEmpty() ? null : errors);
        if (!rc.request().isEnded()) {
            rc.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        rc.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(encode(problem));
    }

    /** A 400 naming one field. */
    public static void invalid(RoutingContext rc, String field, String message) {
        send(rc, 400, "validation", "Request is invalid", field + ": " + message, List.of(new FieldError(field, message)));
    }

    private static String encode(Problem problem) {
        try {
            return JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem record always serializes", e);
        }
    }
}
