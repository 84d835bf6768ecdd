package com.ardesk.gateway.web;

import io.netty.util.AsciiString;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Every answer carries {@code X-Request-Id}: the caller's if it sent a sane one, else a new UUID.
 * The id is written back onto the request, so the proxy forwards the same value and the services
 * log and echo it. Runs as a filter, before routing, so 404s, CORS and health answers carry it too.
 */
@ApplicationScoped
public class RequestIds {
    public static final String HEADER = "X-Request-Id";
    // set on every request and answer: a name hashed once
    private static final AsciiString HEADER_NAME = AsciiString.cached(HEADER);
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            ensure(rc);
            rc.next();
        }, 1000);
    }

    /**
     * The request's id, put on the request and the answer if not there yet. Answers given before the
     * filters run (a request line the router cannot even match) call this themselves.
     */
    public static String ensure(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String id = request.getHeader(HEADER_NAME);
        if (id == null || !SANE.matcher(id).matches()) {
            id = newId();
            request.headers().set(HEADER_NAME, id);
        }
        rc.response().putHeader(HEADER_NAME, id);
        return id;
    }

    /**
     * A random (version 4) UUID. Request ids correlate log lines, they guard nothing, so they need
     * no SecureRandom, whose shared generator every event loop would otherwise queue on.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }

    /** The id of the request being answered. */
    public static String of(HttpServerRequest request) {
        String id = request.getHeader(HEADER);
        return id != null ? id : "unknown";
    }
}
