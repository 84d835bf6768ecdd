package com.ardesk.gateway.auth;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The claims every AR Desk token must carry, read from the signed payload as sent (the JWT library
 * turns a string {@code groups} into a one-role list and tolerates a missing subject). The services
 * apply the same rule (service-kit {@code TokenShape}), so a token is refused alike on every layer:
 * {@code sub} a non-blank string, {@code iat} not more than {@value #CLOCK_SKEW_SECONDS} s ahead,
 * {@code groups} if present an array of strings, {@code practices} an array of strings.
 */
final class ClaimShape {
    static final long CLOCK_SKEW_SECONDS = 60;

    private ClaimShape() {
    }

    /** Why a verified token is still refused, or null. */
    static String problem(String compactToken, long nowEpochSeconds) {
        String[] parts = compactToken.split("\\.");
        JsonObject claims;
        try {
            claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (DecodeException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return "the token's claims are not a JSON object";
        }
        if (!(claims.getValue("sub") instanceof String sub) || sub.isBlank()) {
            return "the token names no subject (sub)";
        }
        Object iat = claims.getValue("iat");
        if (iat != null && (!(iat instanceof Number issued) || issued.longValue() > nowEpochSeconds + CLOCK_SKEW_SECONDS)) {
            return "the token is issued in the future (iat)";
        }
        if (claims.containsKey("groups") && !isStringArray(claims.getValue("groups"))) {
            return "the token's groups claim is not an array of strings";
        }
        if (!isStringArray(claims.getValue("practices"))) {
            return "the token has no practices claim (an array of practice ids)";
        }
        return null;
    }

    private static boolean isStringArray(Object value) {
        return value instanceof JsonArray array && array.stream().allMatch(String.class::isInstance);
    }
}
