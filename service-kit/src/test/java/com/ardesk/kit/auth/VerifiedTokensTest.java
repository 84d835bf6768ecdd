package com.ardesk.kit.auth;

import com.ardesk.devstack.DevTokens;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.util.KeyUtils;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The remembered verification never lets through what a fresh one would refuse. */
class VerifiedTokensTest {
    private final MovableClock clock = new MovableClock();
    private final VerifiedTokens tokens = new VerifiedTokens(context(), clock);

    @Test
    void aVerifiedTokenIsRememberedAndAnAlteredCopyIsNot() throws Exception {
        String token = DevTokens.token("ann", List.of("caller"), List.of("P100"));
        assertThat(tokens.parse(token)).isSameAs(tokens.parse(token));
        String forged = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> tokens.parse(forged)).isInstanceOf(ParseException.class);
        JwtClaims otherIssuer = DevTokens.claims("ann", List.of("caller"), List.of("P100"), "https://evil.example", Duration.ofHours(1));
        assertThatThrownBy(() -> tokens.parse(DevTokens.sign(otherIssuer))).isInstanceOf(ParseException.class);
    }

    @Test
    void aRememberedTokenIsNotUsedOnceItsExpiryHasPassed() throws Exception {
        String token = DevTokens.sign(DevTokens.claims("ann", List.of("caller"), List.of("P100"), DevTokens.ISSUER, Duration.ofHours(1)));
        var remembered = tokens.parse(token);
        assertThat(tokens.parse(token)).isSameAs(remembered);
        clock.advance(Duration.ofHours(2));
        // past its expiry by the service's clock, the memory is bypassed and the verifier decides again
        assertThat(tokens.parse(token)).isNotSameAs(remembered);
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        JwtClaims claims = DevTokens.claims("ann", List.of("caller"), List.of("P100"), DevTokens.ISSUER, Duration.ofHours(1));
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(-10);
        String token = DevTokens.sign(claims);
        assertThatThrownBy(() -> tokens.parse(token)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.parse(token)).isInstanceOf(ParseException.class);
    }

    /** A clock a test moves forward instead of sleeping. */
    private static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private static JWTAuthContextInfo context() {
        try {
            JWTAuthContextInfo info = new JWTAuthContextInfo(KeyUtils.decodePublicKey(DevTokens.publicKeyPem()), DevTokens.ISSUER);
            info.setExpectedAudience(Set.of(DevTokens.AUDIENCE));
            info.setClockSkew(0);
            return info;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
