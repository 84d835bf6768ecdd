package com.ardesk.gateway.web;

import com.ardesk.gateway.support.Tokens;
import com.ardesk.gateway.support.WithStubUpstreams;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@WithStubUpstreams
class CorsAndHeadersTest {

    @Test
    void preflightFromConfiguredOriginIsAllowedWithoutToken() {
        given().header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .when().options("/api/v1/claims")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Idempotency-Key"));
    }

    @Test
    void preflightFromOtherOriginIsRefused() {
        Response response = given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/claims")
                .then().extract().response();
        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.header("X-Request-Id")).isNotBlank();
        assertThat(response.jsonPath().getString("type")).isEqualTo("https://ardesk.dev/problems/cors-origin-refused");
    }

    @Test
    void actualRequestFromOtherOriginIs403Problem() {
        given().header("Origin", "https://evil.example").header("Authorization", Tokens.bearer("caller"))
                .when().get("/api/v1/claims")
                .then().statusCode(403).contentType("application/problem+json")
                .header("X-Request-Id", notNullValue())
                .body("type", equalTo("https://ardesk.dev/problems/cors-origin-refused"));
    }

    @Test
    void overlongUriIs414AndOverlargeHeadersAre431Problems() {
        given().header("Authorization", Tokens.bearer("caller")).queryParam("q", "x".repeat(5000))
                .when().get("/api/v1/claims")
                .then().statusCode(414).contentType("application/problem+json")
                .header("X-Request-Id", notNullValue())
                .body("type", equalTo("https://ardesk.dev/problems/uri-too-long"));
        given().header("Authorization", Tokens.bearer("caller")).header("X-Padding", "x".repeat(64 * 1024))
                .when().get("/api/v1/claims")
                .then().statusCode(431).contentType("application/problem+json")
                .header("X-Request-Id", notNullValue())
                .body("type", equalTo("https://ardesk.dev/problems/headers-too-large"));
    }

    @Test
    void actualRequestCarriesTheGatewaysCorsHeadersOnly() {
        Response response = given().header("Origin", "http://localhost:3000")
                .header("Authorization", Tokens.bearer("caller"))
                .when().get("/api/v1/claims")
                .then().statusCode(200).extract().response();
        assertThat(response.headers().getValues("Access-Control-Allow-Origin")).containsExactly("http://localhost:3000");
        assertThat(response.header("Access-Control-Expose-Headers")).contains("X-Request-Id");
    }

    @Test
    void securityHeadersOnEveryAnswer() {
        Response response = given().when().get("/api/v1/claims").then().statusCode(401).extract().response();
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Strict-Transport-Security")).startsWith("max-age=");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.header("X-Request-Id")).isNotBlank();
    }
}
