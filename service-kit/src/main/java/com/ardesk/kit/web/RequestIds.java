package com.ardesk.kit.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every response carries {@code X-Request-Id}: the caller's if it sent a sane one, else a new UUID.
 * It runs as an HTTP filter, before routing, so even 404s and health answers carry it; the id is
 * also written back onto the request so later code (problem bodies, logs) reads one value.
 */
@ApplicationScoped
public class RequestIds {
    public static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void register(@Observes Filters filters) {
        filters.register(ctx -> {
            ensure(ctx);
            ctx.next();
        }, 1000);
    }

    /**
     * The request's id, put on the request and the answer if not there yet. Answers given before the
     * filters run (a request line the router cannot even match) call this themselves.
     */
    public static String ensure(RoutingContext ctx) {
        String id = ctx.request().getHeader(HEADER);
        if (id == null || !SANE.matcher(id).matches()) {
            id = UUID.randomUUID().toString();
            ctx.request().headers().set(HEADER, id);
        }
        ctx.response().putHeader(HEADER, id);
        return id;
    }

    /** The id of the request being answered. */
    public static String of(ContainerRequestContext request) {
        String id = request.getHeaderString(HEADER);
        return id != null ? id : "unknown";
    }
}
