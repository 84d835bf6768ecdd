package com.ardesk.kit.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;

/**
 * SmallRye JWT's parser with a memory: a token that passed verification (signature, issuer,
 * audience, expiry) is remembered for a few minutes, keyed by the whole compact token, signature
 * included, so nothing forged or altered can match. A front end sends the same token on every call
 * for its whole lifetime, and the RSA check and claim parsing were a large part of a short request.
 * Expiry is checked again on every use; tokens that fail are never remembered. A verified token must
 * also have the claims AR Desk relies on ({@link TokenShape}), or it is refused like a forged one.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {
    private final JWTParser verifier;
    private final Clock clock;
    private final Cache<String, JsonWebToken> verified = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfterWrite(Duration.ofMinutes(5))
            .build();

    @Inject
    public VerifiedTokens(JWTAuthContextInfo authContext) {
        this(authContext, Clock.systemUTC());
    }

    /** With the clock that decides whether a remembered token has expired (tests move it instead of sleeping). */
    VerifiedTokens(JWTAuthContextInfo authContext, Clock clock) {
        this.verifier = new DefaultJWTParser(authContext);
        this.clock = clock;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.getIfPresent(token);
        long now = clock.instant().getEpochSecond();
        if (known != null && known.getExpirationTime() > now) {
            return known;
        }
        JsonWebToken fresh = verifier.parse(token);
        String malformed = TokenShape.problem(token, now);
        if (malformed != null) {
            throw new ParseException(malformed);
        }
        verified.put(token, fresh);
        return fresh;
    }

    // the rest verifies with other keys or settings than the service's own: never remembered

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
