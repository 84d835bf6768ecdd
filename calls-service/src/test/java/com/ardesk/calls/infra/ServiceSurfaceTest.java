package com.ardesk.calls.infra;

import org.eclipse.microprofile.config.ConfigProvider;
import com.ardesk.calls.support.CallsInfra;
import com.ardesk.devstack.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@CallsInfra
class ServiceSurfaceTest {

    @Test
    void readinessChecksDatabaseAndKafka() {
        given().port(ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class)).when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void openApiDocumentsEveryEndpoint() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/calls/{callId}/amendments"))
                .body(containsString("/api/v1/calls/{callId}/reviews"))
                .body(containsString("/api/v1/promises/{promiseId}/cancel"))
                .body(containsString("/api/v1/payment-plans"))
                .body(containsString("/api/v1/call-scripts/match"))
                .body(containsString("/api/v1/reports/calls"));
    }

    @Test
    void everyAnswerCarriesTheRequestIdAndUnknownPathsAreProblems() {
        String token = DevTokens.token("caller-1", List.of("caller"), List.of("P100"));
        given().auth().oauth2(token).header("X-Request-Id", "req-42").get("/api/v1/promises")
                .then().statusCode(200).header("X-Request-Id", "req-42");
        given().auth().oauth2(token).get("/api/v1/nothing-here").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
