package com.ardesk.claims.auth;

import com.ardesk.devstack.DevTokens;
import com.ardesk.kit.auth.VerifiedTokens;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.util.KeyUtils;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The remembered verification never lets through what a fresh one would refuse. */
class VerifiedTokensTest {
    private final VerifiedTokens tokens = new VerifiedTokens(context());

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
    void aRememberedTokenIsRefusedOnceItExpires() throws Exception {
        JwtClaims claims = DevTokens.claims("ann", List.of("caller"), List.of("P100"), DevTokens.ISSUER, Duration.ofHours(1));
        claims.setExpirationTimeMinutesInTheFuture(2 / 60f);
        String token = DevTokens.sign(claims);
        assertThat(tokens.parse(token).getSubject()).isEqualTo("ann");
        Thread.sleep(3_000);
        assertThatThrownBy(() -> tokens.parse(token)).isInstanceOf(ParseException.class);
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
