package com.ardesk.gateway.routing;

import com.ardesk.gateway.auth.TokenCheck;
import com.ardesk.gateway.config.GatewayConfig;
import com.ardesk.gateway.problem.Problems;
import com.ardesk.gateway.ratelimit.RateLimitHandlers;
import com.ardesk.gateway.web.ApiMetrics;
import io.quarkus.logging.Log;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;

import java.util.Optional;

/**
 * The public API: every {@code /api/} request is timed and passes, in this order, the per-address rate limit,
 * routing (unknown paths are 404 here), the declared body size, the token and role check, the
 * per-subject rate limit, and is then proxied. No handler blocks, so all of it runs on the event loop.
 */
@Singleton
public class ApiRoutes {
    private static final String UPSTREAM = "ardesk.upstream";
    private static final String BODY_LIMIT = "ardesk.bodyLimit";

    private final GatewayConfig config;
    private final RateLimitHandlers rateLimits;
    private final TokenCheck tokens;
    private final ProxyHandler proxy;
    private final ApiMetrics metrics;

    ApiRoutes(GatewayConfig config, RateLimitHandlers rateLimits, TokenCheck tokens, ProxyHandler proxy,
              ApiMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
        this.rateLimits = rateLimits;
        this.tokens = tokens;
        this.proxy = proxy;
    }

    void install(@Observes Router router) {
        router.route("/api/*")
                .handler(metrics::track)
                .handler(rateLimits::byAddress)
                .handler(this::resolve)
                .handler(tokens::handle)
                .handler(rateLimits::bySubject)
                .handler(rc -> proxy.forward(rc, rc.get(UPSTREAM), rc.<Long>get(BODY_LIMIT)))
                .failureHandler(ApiRoutes::unexpected);
    }

    private static void unexpected(RoutingContext rc) {
        if (rc.failure() != null) {
            Log.errorf(rc.failure(), "%s %s failed in the gateway", rc.request().method(), rc.normalizedPath());
        }
        int status = rc.statusCode() >= 400 && rc.statusCode() < 500 ? rc.statusCode() : 500;
        String detail = status == 500 ? "unexpected error; quote the request id to support" : "request refused";
        Problems.send(rc, status, status == 500 ? "internal" : "http-" + status,
                status == 500 ? "Internal Server Error" : "Request refused", detail);
    }

    private void resolve(RoutingContext rc) {
        String path = rc.normalizedPath();
        Optional<String> upstream = RouteTable.upstreamFor(path);
        if (upstream.isEmpty()) {
            Problems.send(rc, 404, "not-found", "Not Found", "no resource at " + path);
            return;
        }
        long limit = bodyLimit(path);
        String declared = rc.request().getHeader("Content-Length");
        if (declared != null && tooLarge(declared, limit)) {
            Problems.send(rc, 413, "payload-too-large", "Content Too Large",
                    "the request body is larger than " + limit + " bytes");
            return;
        }
        rc.put(UPSTREAM, upstream.get());
        rc.put(BODY_LIMIT, limit);
        rc.next();
    }

    private long bodyLimit(String path) {
        for (String streamed : config.limits().streamedPaths()) {
            if (path.equals(streamed) || path.startsWith(streamed + "/")) {
                return config.limits().streamedBodyBytes();
            }
        }
        for (String bulk : config.limits().bulkPaths()) {
            if (path.equals(bulk) || path.startsWith(bulk + "/")) {
                return config.limits().bulkBodyBytes();
            }
        }
        return config.limits().bodyBytes();
    }

    private static boolean tooLarge(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            // the proxy answers 400 to a malformed length; nothing to measure here
            return false;
        }
    }
}
