package com.ardesk.gateway.web;

import com.ardesk.gateway.config.GatewayConfig;
import com.ardesk.gateway.problem.Problems;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Set;
import java.util.TreeSet;

/**
 * CORS for the front ends (ardesk.gateway.cors.*). Quarkus's own CORS
 * filter refuses a foreign origin with an empty 403 before any other handler runs; this one answers
 * that refusal as a problem with the request id, like every other error. A preflight from an allowed
 * origin is answered here (200, no token needed); an actual request from one gets the allow and
 * expose headers; a request from the gateway's own origin, or with no Origin, is not a CORS request.
 */
@ApplicationScoped
public class CorsPolicy {
    private final Set<String> origins;
    private final String methods;
    private final String headers;
    private final String exposed;
    private final String maxAgeSeconds;

    CorsPolicy(GatewayConfig config) {
        this.origins = new TreeSet<>(config.cors().origins());
        this.methods = String.join(",", config.cors().methods());
        this.headers = String.join(",", config.cors().headers());
        this.exposed = String.join(",", config.cors().exposedHeaders());
        this.maxAgeSeconds = Long.toString(config.cors().maxAge().toSeconds());
    }

    void register(@Observes Filters filters) {
        // after RequestIds (1000): a refusal carries the request id
        filters.register(this::handle, 990);
    }

    private void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String origin = request.getHeader("Origin");
        if (origin == null || sameOrigin(request, origin)) {
            rc.next();
            return;
        }
        HttpServerResponse response = rc.response();
        response.headers().add("Vary", "Origin");
        boolean preflight = request.method() == HttpMethod.OPTIONS
                && request.getHeader("Access-Control-Request-Method") != null;
        if (!origins.contains(origin)) {
            Problems.send(rc, 403, "cors-origin-refused", "Forbidden",
                    "origin " + (origin.length() > 200 ? origin.substring(0, 200) : origin) + " may not call this API");
            return;
        }
        response.putHeader("Access-Control-Allow-Origin", origin);
        if (preflight) {
            response.putHeader("Access-Control-Allow-Methods", methods)
                    .putHeader("Access-Control-Allow-Headers", headers)
                    .putHeader("Access-Control-Max-Age", maxAgeSeconds)
                    .setStatusCode(200).end();
            return;
        }
        response.putHeader("Access-Control-Expose-Headers", exposed);
        rc.next();
    }

    private static boolean sameOrigin(HttpServerRequest request, String origin) {
        return request.authority() != null && origin.equals(request.scheme() + "://" + request.authority());
    }
}
