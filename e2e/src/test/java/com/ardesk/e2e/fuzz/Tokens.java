package com.ardesk.e2e.fuzz;

import com.ardesk.devstack.DevTokens;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens the fuzzer sends: a valid one per practice (every role, so role checks do not hide the
 * code behind them), a caller-only one, and the malformed ones the issue lists, which every layer
 * must answer with 401.
 */
public final class Tokens {
    static final List<String> ALL_ROLES = List.of("caller", "supervisor", "integration", "admin");
    private static final Map<String, String> VALID = new ConcurrentHashMap<>();
    private static final Map<String, Map<String, String>> MALFORMED = new ConcurrentHashMap<>();

    private Tokens() {
    }

    public static String valid(String practice) {
        return VALID.computeIfAbsent(practice, p -> DevTokens.token("fuzz-" + p.toLowerCase(), ALL_ROLES, List.of(p)));
    }

    public static String callerOnly(String practice) {
        return DevTokens.token("fuzz-caller-" + practice.toLowerCase(), List.of("caller"), List.of(practice));
    }

    /** Each malformed token by name; every one must be refused with 401. Signed once per practice and run. */
    public static Map<String, String> malformed(String practice) {
        return MALFORMED.computeIfAbsent(practice, Tokens::forge);
    }

    private static Map<String, String> forge(String practice) {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("garbage", "Bearer not.a.jwt");
        bad.put("basic-scheme", "Basic ZnV6ejpmdXp6");
        bad.put("empty-bearer", "Bearer ");
        bad.put("expired", "Bearer " + DevTokens.sign(expired(practice)));
        bad.put("wrong-issuer", "Bearer " + DevTokens.sign(DevTokens.claims("fuzz", ALL_ROLES, List.of(practice),
                "https://evil.example", Duration.ofHours(1))));
        JwtClaims audience = base(practice);
        audience.setAudience("someone-else");
        bad.put("wrong-audience", "Bearer " + DevTokens.sign(audience));
        JwtClaims noSub = base(practice);
        noSub.unsetClaim("sub");
        noSub.unsetClaim("upn");
        bad.put("no-sub", "Bearer " + DevTokens.sign(noSub));
        JwtClaims future = base(practice);
        future.setIssuedAt(NumericDate.fromSeconds(System.currentTimeMillis() / 1000 + 365L * 24 * 3600));
        future.setExpirationTime(NumericDate.fromSeconds(System.currentTimeMillis() / 1000 + 366L * 24 * 3600));
        bad.put("iat-next-year", "Bearer " + DevTokens.sign(future));
        JwtClaims groupsString = base(practice);
        groupsString.setClaim("groups", "admin");
        bad.put("groups-as-string", "Bearer " + DevTokens.sign(groupsString));
        JwtClaims noPractices = base(practice);
        noPractices.unsetClaim("practices");
        bad.put("no-practices", "Bearer " + DevTokens.sign(noPractices));
        String valid = valid(practice);
        String[] parts = valid.split("\\.");
        bad.put("bad-signature", "Bearer " + parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse());
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}"
                .getBytes(StandardCharsets.UTF_8));
        bad.put("alg-none", "Bearer " + none + "." + parts[1] + ".");
        return bad;
    }

    private static JwtClaims base(String practice) {
        return DevTokens.claims("fuzz-" + practice.toLowerCase(), ALL_ROLES, List.of(practice), DevTokens.ISSUER,
                Duration.ofHours(1));
    }

    private static JwtClaims expired(String practice) {
        JwtClaims claims = base(practice);
        long now = System.currentTimeMillis() / 1000;
        claims.setIssuedAt(NumericDate.fromSeconds(now - 7200));
        claims.setExpirationTime(NumericDate.fromSeconds(now - 3600));
        return claims;
    }
}
