package com.ardesk.gateway.ratelimit;

import com.ardesk.gateway.auth.Caller;
import com.ardesk.gateway.problem.Problems;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.util.AsciiString;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;

/**
 * Route handlers that spend rate-limit tokens. The address limit runs before the token is verified,
 * so a flood of forged tokens costs no signature checks past it; the subject limit runs after.
 * Answers carry the draft IETF {@code RateLimit-*} headers of the subject's bucket, or of the
 * address's when the request was refused before a token was verified.
 */
@Singleton
public class RateLimitHandlers {
    // set on every answer, twice: names whose hash is computed once
    private static final AsciiString LIMIT = AsciiString.cached("RateLimit-Limit");
    private static final AsciiString REMAINING = AsciiString.cached("RateLimit-Remaining");
    private static final AsciiString RESET = AsciiString.cached("RateLimit-Reset");
    private static final AsciiString POLICY = AsciiString.cached("RateLimit-Policy");

    private final RateLimiter limiter;
    private final MeterRegistry registry;

    RateLimitHandlers(RateLimiter limiter, MeterRegistry registry) {
        this.limiter = limiter;
        this.registry = registry;
    }

    public void byAddress(RoutingContext rc) {
        RateLimiter.Decision decision = limiter.takeForAddress(rc.request().remoteAddress().hostAddress());
        // replaced by the subject's bucket once the token is known
        describe(rc.response(), decision);
        if (decision.allowed()) {
            rc.next();
        } else {
            refuse(rc, decision, "address", "too many requests from this address");
        }
    }

    public void bySubject(RoutingContext rc) {
        Caller caller = Caller.of(rc);
        RateLimiter.Decision decision = limiter.takeForSubject(caller.subject(), caller.roles());
        describe(rc.response(), decision);
        if (decision.allowed()) {
            rc.next();
        } else {
            refuse(rc, decision, "subject", "too many requests for this user");
        }
    }

    private void refuse(RoutingContext rc, RateLimiter.Decision decision, String scope, String detail) {
        registry.counter("ardesk.gateway.rate.limited", "scope", scope).increment();
        describe(rc.response(), decision);
        rc.response().putHeader("Retry-After", Long.toString(Math.max(1, decision.retryAfterSeconds())));
        Problems.send(rc, 429, "rate-limited", "Too Many Requests",
                detail + "; retry in " + Math.max(1, decision.retryAfterSeconds()) + " s");
    }

    private static void describe(HttpServerResponse response, RateLimiter.Decision decision) {
        response.putHeader(LIMIT, Long.toString(decision.limit()))
                .putHeader(REMAINING, Long.toString(decision.remaining()))
                .putHeader(RESET, Long.toString(decision.resetSeconds()))
                .putHeader(POLICY, decision.limit() + ";w=60");
    }
}
