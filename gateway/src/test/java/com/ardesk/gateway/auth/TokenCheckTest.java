package com.ardesk.gateway.auth;

import com.ardesk.devstack.DevTokens;
import com.ardesk.gateway.support.Tokens;
import com.ardesk.gateway.support.WithStubUpstreams;
import io.quarkus.test.junit.QuarkusTest;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithStubUpstreams
class TokenCheckTest {

    @Test
    void missingTokenIs401Problem() {
        given().when().get("/api/v1/claims")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .header("X-Request-Id", org.hamcrest.Matchers.notNullValue())
                .body("type", equalTo("https://ardesk.dev/problems/unauthenticated"))
                .body("status", equalTo(401))
                .body("requestId", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void otherSchemeIs401() {
        given().header("Authorization", "Basic Zm9vOmJhcg==")
                .when().get("/api/v1/claims")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void garbageTokenIs401() {
        refused("Bearer not.a.jwt");
    }

    @Test
    void tokenSignedByAnotherKeyIs401() throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(validClaims().toJson());
        jws.setKey(RsaJwkGenerator.generateJwk(2048).getPrivateKey());
        jws.setKeyIdHeaderValue("ardesk-dev");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        refused("Bearer " + jws.getCompactSerialization());
    }

    @Test
    void tamperedPayloadIs401() throws Exception {
        String[] parts = DevTokens.token("u-1", List.of("caller"), List.of("P1")).split("\\.");
        JwtClaims escalated = validClaims();
        escalated.setStringListClaim("groups", List.of("admin"));
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(escalated.toJson().getBytes(StandardCharsets.UTF_8));
        refused("Bearer " + parts[0] + "." + payload + "." + parts[2]);
    }

    @Test
    void expiredTokenIs401() {
        refused("Bearer " + DevTokens.sign(DevTokens.claims("u-1", List.of("caller"), List.of("P1"),
                DevTokens.ISSUER, Duration.ofMinutes(-10))));
    }

    @Test
    void wrongIssuerIs401() {
        refused("Bearer " + DevTokens.sign(DevTokens.claims("u-1", List.of("caller"), List.of("P1"),
                "https://evil.example", Duration.ofHours(1))));
    }

    @Test
    void wrongAudienceIs401() throws Exception {
        JwtClaims claims = validClaims();
        claims.setAudience("someone-else");
        refused("Bearer " + DevTokens.sign(claims));
    }

    @Test
    void algNoneIs401() throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(validClaims().toJson().getBytes(StandardCharsets.UTF_8));
        refused("Bearer " + header + "." + payload + ".");
    }

    @Test
    void validTokenIsForwardedUntouched() {
        String token = Tokens.bearer("caller");
        given().header("Authorization", token)
                .when().get("/api/v1/claims")
                .then().statusCode(200)
                .body("headers.authorization", equalTo(token));
    }

    @Test
    void callerMayNotWriteOff() {
        given().header("Authorization", Tokens.bearer("caller"))
                .when().post("/api/v1/claims/c-1/write-off")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://ardesk.dev/problems/forbidden"));
    }

    @Test
    void supervisorMayWriteOff() {
        given().header("Authorization", Tokens.bearer("supervisor"))
                .when().post("/api/v1/claims/c-1/write-off")
                .then().statusCode(200).body("service", equalTo("claims"));
    }

    @Test
    void payerChangesNeedAnAdmin() {
        given().header("Authorization", Tokens.bearer("integration")).contentType("application/json").body("{}")
                .when().put("/api/v1/payers/p-1")
                .then().statusCode(403);
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body("{}")
                .when().put("/api/v1/payers/p-1")
                .then().statusCode(200);
        given().header("Authorization", Tokens.bearer("caller"))
                .when().get("/api/v1/payers/p-1")
                .then().statusCode(200);
    }

    @Test
    void tokenWithoutKnownRoleIs403() {
        given().header("Authorization", Tokens.bearer("visitor"))
                .when().get("/api/v1/claims")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void tokensWithoutTheClaimsArDeskNeedsAre401() throws Exception {
        JwtClaims noSubject = validClaims();
        noSubject.unsetClaim("sub");
        JwtClaims issuedNextYear = validClaims();
        issuedNextYear.setIssuedAt(NumericDate.fromSeconds(System.currentTimeMillis() / 1000 + 365L * 86400));
        JwtClaims groupsString = validClaims();
        groupsString.setClaim("groups", "admin");
        JwtClaims noPractices = validClaims();
        noPractices.unsetClaim("practices");
        for (JwtClaims claims : List.of(noSubject, issuedNextYear, groupsString, noPractices)) {
            refused("Bearer " + DevTokens.sign(claims));
        }
    }

    @Test
    void twoAuthorizationHeadersAre400NamingIt() {
        given().header("Authorization", Tokens.bearer("caller")).header("Authorization", Tokens.bearer("admin"))
                .when().get("/api/v1/claims")
                .then().statusCode(400).contentType("application/problem+json")
                .header("X-Request-Id", org.hamcrest.Matchers.notNullValue())
                .body("type", equalTo("https://ardesk.dev/problems/validation"))
                .body("errors[0].field", equalTo("Authorization"));
    }

    private static JwtClaims validClaims() {
        return DevTokens.claims("u-1", List.of("caller"), List.of("P1"), DevTokens.ISSUER, Duration.ofHours(1));
    }

    private static void refused(String authorization) {
        given().header("Authorization", authorization)
                .when().get("/api/v1/claims")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"))
                .body("status", equalTo(401))
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Exception")));
    }
}
