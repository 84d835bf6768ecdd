package com.ardesk.devstack;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Mints JWTs signed with the dev key pair checked into this module. Dev and test only: production
 * tokens come from the OIDC provider, and no service has an endpoint that mints them.
 */
public final class DevTokens {
    /** Issuer the services accept in the dev and test profiles. */
    public static final String ISSUER = "https://ardesk.local/dev";
    public static final String AUDIENCE = "ardesk";
    public static final String PUBLIC_KEY_RESOURCE = "ardesk-dev-jwt-public.pem";
    private static final PrivateKey KEY = loadPrivateKey("ardesk-dev-jwt-private.pem");

    private DevTokens() {
    }

    /** A token valid for 12 hours for a user with these roles who may see these practices. */
    public static String token(String subject, List<String> roles, List<String> practices) {
        return sign(claims(subject, roles, practices, ISSUER, Duration.ofHours(12)));
    }

    /** Claims as a real token would carry them; tests change one field to forge a bad token. */
    public static JwtClaims claims(String subject, List<String> roles, List<String> practices, String issuer,
                                   Duration validFor) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(AUDIENCE);
        claims.setSubject(subject);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(validFor.toSeconds() / 60f);
        claims.setStringListClaim("groups", roles);
        claims.setStringListClaim("practices", practices);
        claims.setClaim("upn", subject);
        return claims;
    }

    /** Signs with the dev key (RS256). */
    public static String sign(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(KEY);
        jws.setKeyIdHeaderValue("ardesk-dev");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign dev token", e);
        }
    }

    /** The dev public key in PEM, for services started by the local run. */
    public static String publicKeyPem() {
        return resource(PUBLIC_KEY_RESOURCE);
    }

    private static PrivateKey loadPrivateKey(String name) {
        String base64 = resource(name).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("dev private key is unreadable", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = DevTokens.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
