package com.ardesk.kit.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The claims every AR Desk token must carry, read from the signed payload as sent (the JWT library
 * turns a string {@code groups} into a one-role list and tolerates a missing subject):
 * {@code sub} a non-blank string (the user who acts, recorded on every write), {@code iat} if present
 * not later than now plus {@link #CLOCK_SKEW}, {@code groups} if present an array of strings, and
 * {@code practices} an array of strings (the tenancy; a token without it is malformed, not empty).
 */
public final class TokenShape {
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenShape() {
    }

    /** Why a verified token is still refused, or null when its claims have the required shape. */
    public static String problem(String compactToken, long nowEpochSeconds) {
        String[] parts = compactToken.split("\\.");
        if (parts.length < 2) {
            return "the token is not a signed JWT";
        }
        JsonNode claims;
        try {
            claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            return "the token's claims are not JSON";
        }
        if (claims == null || !claims.isObject()) {
            return "the token's claims are not a JSON object";
        }
        JsonNode sub = claims.get("sub");
        if (sub == null || !sub.isTextual() || sub.asText().isBlank()) {
            return "the token names no subject (sub)";
        }
        JsonNode iat = claims.get("iat");
        if (iat != null && (!iat.isNumber() || iat.asLong() > nowEpochSeconds + CLOCK_SKEW.toSeconds())) {
            return "the token is issued in the future (iat)";
        }
        JsonNode groups = claims.get("groups");
        if (groups != null && !isStringArray(groups)) {
            return "the token's groups claim is not an array of strings";
        }
        if (!isStringArray(claims.get("practices"))) {
            return "the token has no practices claim (an array of practice ids)";
        }
        return null;
    }

    private static boolean isStringArray(JsonNode node) {
        if (node == null || !node.isArray()) {
            return false;
        }
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                return false;
            }
        }
        return true;
    }
}
