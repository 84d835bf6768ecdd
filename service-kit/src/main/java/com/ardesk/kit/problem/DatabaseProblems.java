package com.ardesk.kit.problem;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * What a database failure means for the client, read from the SQLState anywhere in the cause chain
 * (Hibernate, Narayana and Agroal each wrap it). The database being unreachable, restarting or
 * out of connections is a 503 with Retry-After, a transient state the client may retry through;
 * a value PostgreSQL cannot hold is the client's 400/422, and a unique key taken by a concurrent
 * request (that code did not resolve itself) a 409. Any other failure stays a 500.
 */
public final class DatabaseProblems {
    static final String RETRY_AFTER_SECONDS = "5";

    private DatabaseProblems() {
    }

    /** The problem for {@code failure}, or null when it is not a database failure the kit knows. */
    public static ProblemException of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException) {
                return unavailable();
            }
            if (t instanceof SQLException sql) {
                ProblemException problem = of(sql);
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    private static ProblemException of(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            // Agroal's pool gives up waiting for a connection with a state-less exception
            String message = String.valueOf(e.getMessage()).toLowerCase();
            return message.contains("acquisition timeout") || message.contains("connection is closed")
                    ? unavailable() : null;
        }
        if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300")) {
            // connection exception, operator intervention (shutdown, restart), too many connections
            return unavailable();
        }
        if (state.equals("40001") || state.equals("40P01")) {
            return new ProblemException(503, "service-unavailable", "Service Unavailable",
                    "the request collided with a concurrent one and changed nothing; retry it", List.of(),
                    Map.of("Retry-After", "1"));
        }
        if (state.equals("23505")) {
            // a concurrent request created the same natural key first; nothing of this one was kept
            return ProblemException.conflict("concurrent-update",
                    "a concurrent request created the same resource; read it and retry");
        }
        if (state.equals("22003")) {
            return ProblemException.unprocessable("numeric-out-of-range",
                    "an amount or total would exceed what can be stored (999999999999.99)",
                    List.of(new FieldError("body", "an amount or a total it adds up to is out of range")));
        }
        if (state.equals("22P05") || state.equals("22021")) {
            return ProblemException.validation("body", "must not contain the NUL character (U+0000)");
        }
        if (state.equals("22008") || state.equals("22007")) {
            return ProblemException.validation("body", "has a date out of range");
        }
        return null;
    }

    private static ProblemException unavailable() {
        return new ProblemException(503, "service-unavailable", "Service Unavailable",
                "the database is unavailable; nothing was changed. Retry shortly", List.of(),
                Map.of("Retry-After", RETRY_AFTER_SECONDS));
    }
}
