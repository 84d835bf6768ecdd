package com.ardesk.gateway.auth;

import com.ardesk.gateway.problem.Problems;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.logging.Log;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.util.Set;

/**
 * Verifies the bearer token (signature, issuer, audience, expiry: SmallRye JWT with the
 * {@code mp.jwt.verify.*} settings) and the coarse role rules. The Authorization header stays on
 * the request and is forwarded, so each service verifies the same token again.
 * <p>
 * A verified token is remembered for a few minutes, keyed by the whole compact token (signature
 * included, so nothing forged can match), because an RSA check on every request is most of the
 * time the gateway adds; its expiry is still checked on every use.
 */
@Singleton
public class TokenCheck {
    private static final String BEARER = "Bearer ";

    private final JWTParser parser;
    private final Cache<String, Verified> verified = Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfterWrite(Duration.ofMinutes(5))
            .build();

    private record Verified(String subject, Set<String> roles, long expiresAtSeconds) {
    }

    TokenCheck(JWTParser parser) {
        this.parser = parser;
    }

    public void handle(RoutingContext rc) {
        if (rc.request().headers().getAll("Authorization").size() > 1) {
            Problems.invalid(rc, "Authorization", "must be sent once");
            return;
        }
        String header = rc.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            rc.response().putHeader("WWW-Authenticate", "Bearer");
            Problems.send(rc, 401, "unauthenticated", "Unauthorized", "a valid bearer token is required");
            return;
        }
        String compact = header.substring(BEARER.length()).trim();
        Verified known = verified.getIfPresent(compact);
        if (known != null && known.expiresAtSeconds() > System.currentTimeMillis() / 1000) {
            authorize(rc, known);
            return;
        }
        // verifying may fetch keys (a JWKS URL in production), so it runs off the event loop; the
        // body waits paused until the proxy pipes it
        rc.request().pause();
        rc.vertx().executeBlocking(() -> verify(compact), false).onComplete(result -> {
            if (result.succeeded()) {
                verified.put(compact, result.result());
                authorize(rc, result.result());
                return;
            }
            Throwable failure = result.cause();
            if (failure instanceof ParseException) {
                Log.debugf("token refused: %s", failure.getMessage());
            } else {
                Log.warnf("token could not be verified: %s", failure.toString());
            }
            rc.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            Problems.send(rc, 401, "unauthenticated", "Unauthorized", "a valid bearer token is required");
        });
    }

    private Verified verify(String compact) throws ParseException {
        JsonWebToken token = parser.parse(compact);
        String malformed = ClaimShape.problem(compact, System.currentTimeMillis() / 1000);
        if (malformed != null) {
            throw new ParseException(malformed);
        }
        return new Verified(token.getSubject(),
                token.getGroups() == null ? Set.of() : Set.copyOf(token.getGroups()), token.getExpirationTime());
    }

    private static void authorize(RoutingContext rc, Verified caller) {
        if (!AccessRules.allows(rc.request().method().name(), rc.normalizedPath(), caller.roles())) {
            Problems.send(rc, 403, "forbidden", "Forbidden", "your role may not do this");
            return;
        }
        new Caller(caller.subject(), caller.roles()).attachTo(rc);
        rc.next();
    }
}
