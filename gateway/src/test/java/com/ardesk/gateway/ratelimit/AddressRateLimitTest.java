package com.ardesk.gateway.ratelimit;

import com.ardesk.gateway.support.Tokens;
import com.ardesk.gateway.support.WithStubUpstreams;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * The per-address limit holds before any token is checked, so a flood of bad tokens from one
 * address is cut off too. Clients are told apart by X-Forwarded-For from the trusted local proxy.
 */
@QuarkusTest
@WithStubUpstreams
@TestProfile(AddressRateLimitTest.FiveAMinute.class)
class AddressRateLimitTest {

    public static class FiveAMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ardesk.gateway.rate-limit.per-ip-per-minute", "5");
        }
    }

    @Test
    void sixthRequestFromOneAddressIs429EvenWithoutToken() {
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", "203.0.113.7").when().get("/api/v1/claims")
                    .then().statusCode(401);
        }
        given().header("X-Forwarded-For", "203.0.113.7").when().get("/api/v1/claims")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        given().header("X-Forwarded-For", "203.0.113.8")
                .header("Authorization", Tokens.bearer("caller"))
                .when().get("/api/v1/claims")
                .then().statusCode(200);
    }
}
