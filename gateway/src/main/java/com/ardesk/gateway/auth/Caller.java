package com.ardesk.gateway.auth;

import io.vertx.ext.web.RoutingContext;

import java.util.Set;

/** Who is calling, as the verified token says; kept on the routing context for later handlers. */
public record Caller(String subject, Set<String> roles) {
    private static final String KEY = "ardesk.caller";

    void attachTo(RoutingContext rc) {
        rc.put(KEY, this);
    }

    public static Caller of(RoutingContext rc) {
        Caller caller = rc.get(KEY);
        if (caller == null) {
            throw new IllegalStateException("no verified caller on this request");
        }
        return caller;
    }
}
