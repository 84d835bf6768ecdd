package com.ardesk.gateway.auth;

import com.ardesk.gateway.problem.Problems;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.util.Set;

/**
 * Verifies the bearer token (signature, issuer, audience, expiry: SmallRye JWT with the
 * {@code mp.jwt.verify.*} settings) and the coarse role rules. The Authorization header stays on
 * the request and is forwarded, so each service verifies the same token again.
 */
@ApplicationScoped
public class TokenCheck {
    private static final Logger LOG = Logger.getLogger(TokenCheck.class);
    private static final String BEARER = "Bearer ";

    private final JWTParser parser;

    TokenCheck(JWTParser parser) {
        this.parser = parser;
    }

    public void handle(RoutingContext rc) {
        String header = rc.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            rc.response().putHeader("WWW-Authenticate", "Bearer");
            Problems.send(rc, 401, "unauthenticated", "Unauthorized", "a valid bearer token is required");
            return;
        }
        JsonWebToken token;
        try {
            token = parser.parse(header.substring(BEARER.length()).trim());
        } catch (ParseException e) {
            LOG.debugf("token refused: %s", e.getMessage());
            rc.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            Problems.send(rc, 401, "unauthenticated", "Unauthorized", "a valid bearer token is required");
            return;
        }
        Set<String> roles = token.getGroups() == null ? Set.of() : Set.copyOf(token.getGroups());
        if (token.getSubject() == null || token.getSubject().isBlank()) {
            rc.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            Problems.send(rc, 401, "unauthenticated", "Unauthorized", "the token names no subject");
            return;
        }
        if (!AccessRules.allows(rc.request().method().name(), rc.normalizedPath(), roles)) {
            Problems.send(rc, 403, "forbidden", "Forbidden", "your role may not do this");
            return;
        }
        new Caller(token.getSubject(), roles).attachTo(rc);
        rc.next();
    }
}
