package com.ardesk.gateway.docs;

import com.ardesk.gateway.support.WithStubUpstreams;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithStubUpstreams
class DocsTest {

    @Test
    void openApiMergesTheServicesRoutedPathsWithOneBearerScheme() {
        JsonPath doc = given().when().get("/openapi")
                .then().statusCode(200).contentType("application/json")
                .extract().jsonPath();

        assertThat(doc.getString("openapi")).isEqualTo("3.1.0");
        Map<String, Object> paths = doc.getMap("paths");
        assertThat(paths).containsOnlyKeys("/api/v1/claims", "/api/v1/calls", "/api/v1/followups");
        assertThat(doc.getMap("components.securitySchemes")).containsOnlyKeys("bearer");
        assertThat(doc.getList("security")).hasSize(1);
        assertThat(doc.getMap("paths.'/api/v1/claims'.get.security[0]")).containsOnlyKeys("bearer");
        assertThat(doc.getMap("paths.'/api/v1/claims'.get.responses")).containsKeys("200", "401", "403", "429", "503", "504");
        assertThat(doc.getString("paths.'/api/v1/claims'.get.responses.'429'.$ref"))
                .isEqualTo("#/components/responses/Gateway429");
        assertThat(doc.getMap("components.responses.Gateway429.headers")).containsKeys("Retry-After", "RateLimit-Limit");
        assertThat(doc.getString("info.description")).doesNotContain("Not included");
    }

    @Test
    void asyncApiDescribesBothTopics() {
        JsonPath doc = given().when().get("/asyncapi")
                .then().statusCode(200).contentType("application/json")
                .extract().jsonPath();
        assertThat(doc.getString("asyncapi")).startsWith("3.");
        assertThat(doc.getString("channels.claims.address")).isEqualTo("ar.claims.v1");
        assertThat(doc.getString("channels.calls.address")).isEqualTo("ar.calls.v1");
        assertThat(doc.getMap("channels.claims.messages")).containsKeys("ClaimDenied", "ClaimPaymentPosted",
                "ClaimStatusChanged", "ClaimChanged", "AppealFiled", "ClaimWrittenOff");
        assertThat(doc.getMap("channels.calls.messages")).containsKeys("CallLogged", "PromiseToPay", "PromiseKept",
                "PromiseBroken", "CallReviewed");
        assertThat(doc.getMap("components.schemas.EventEnvelope.properties")).containsKeys("eventId", "type",
                "version", "occurredAt", "practiceId", "payload");
    }

    @Test
    void swaggerUiShowsTheMergedDocument() {
        given().redirects().follow(false).when().get("/docs")
                .then().statusCode(302).header("Location", org.hamcrest.Matchers.endsWith("/q/swagger-ui/"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
        String config = given().when().get("/q/swagger-ui/index.html").then().statusCode(200).extract().asString();
        assertThat(config).contains("/openapi");
    }

    @Test
    void docsNeedNoToken() {
        given().when().get("/openapi").then().statusCode(200);
        given().when().get("/asyncapi").then().statusCode(200);
    }
}
