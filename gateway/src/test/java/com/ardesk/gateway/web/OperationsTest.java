package com.ardesk.gateway.web;

import com.ardesk.gateway.support.Tokens;
import com.ardesk.gateway.support.WithStubUpstreams;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithStubUpstreams
class OperationsTest {

    /** The management interface's port in this test run (a free one: parallel runs never collide). */
    static int managementPort() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    @Test
    void healthIsUpAndReportsBreakers() {
        given().port(managementPort()).when().get("/q/health/live").then().statusCode(200);
        given().port(managementPort()).when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'upstream-breakers' }.status", equalTo("UP"));
    }

    @Test
    void healthMetricsAndOpenApiInternalsAreNotPublic() {
        for (String internal : new String[] {"/q/health", "/q/health/ready", "/q/metrics", "/q/openapi"}) {
            given().when().get(internal).then().statusCode(404).contentType("application/problem+json");
        }
        given().when().get("/openapi").then().statusCode(200);
        given().when().get("/asyncapi").then().statusCode(200);
    }

    @Test
    void metricsGroupProxiedPathsByPrefix() {
        String token = Tokens.bearer("caller");
        given().header("Authorization", token).when().get("/api/v1/claims/c-7f3a").then().statusCode(200);
        given().header("Authorization", token).when().get("/api/v1/nowhere/x-91").then().statusCode(404);

        String metrics = given().port(managementPort()).when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("uri=\"/api/v1/claims/*\"").contains("uri=\"/api/unrouted\"")
                .doesNotContain("c-7f3a").doesNotContain("x-91");
    }
}
