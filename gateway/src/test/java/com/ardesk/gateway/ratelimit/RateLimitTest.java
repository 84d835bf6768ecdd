package com.ardesk.gateway.ratelimit;

import com.ardesk.gateway.support.Tokens;
import com.ardesk.gateway.support.WithStubUpstreams;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test profile allows callers 20 and integration clients 60 requests a minute. The buckets' clock
 * is held still, so a slow run cannot refill a token between two counted requests.
 */
@QuarkusTest
@WithStubUpstreams
class RateLimitTest {
    @Inject
    HeldRateClock clock;

    @BeforeEach
    void holdTime() {
        clock.hold();
    }

    @AfterEach
    void releaseTime() {
        clock.release();
    }

    @Test
    void callerGets429WithRetryAfterOnceTheBucketIsEmpty() {
        String token = Tokens.bearerFor("flooder-" + UUID.randomUUID(), "caller");
        for (int i = 0; i < 20; i++) {
            Response ok = given().header("Authorization", token).when().get("/api/v1/promises")
                    .then().statusCode(200).extract().response();
            assertThat(ok.header("RateLimit-Limit")).isEqualTo("20");
            assertThat(ok.header("RateLimit-Remaining")).isEqualTo(Integer.toString(19 - i));
        }
        Response refused = given().header("Authorization", token).when().get("/api/v1/promises")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .extract().response();
        assertThat(refused.<String>path("type")).isEqualTo("https://ardesk.dev/problems/rate-limited");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.header("RateLimit-Policy")).isEqualTo("20;w=60");
        assertThat(refused.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void limitsAreKeptPerSubject() {
        String first = Tokens.bearerFor("busy-" + UUID.randomUUID(), "caller");
        for (int i = 0; i < 21; i++) {
            given().header("Authorization", first).when().get("/api/v1/promises");
        }
        given().header("Authorization", Tokens.bearer("caller")).when().get("/api/v1/promises")
                .then().statusCode(200);
    }

    @Test
    void integrationClientsMayBatchMore() {
        String token = Tokens.bearerFor("pm-system-" + UUID.randomUUID(), "integration");
        for (int i = 0; i < 30; i++) {
            given().header("Authorization", token).when().get("/api/v1/claims")
                    .then().statusCode(200).header("RateLimit-Limit", "60");
        }
    }

    @Test
    void mostGenerousRoleApplies() {
        given().header("Authorization", Tokens.bearer("caller", "integration")).when().get("/api/v1/claims")
                .then().statusCode(200).header("RateLimit-Limit", "60");
    }
}
