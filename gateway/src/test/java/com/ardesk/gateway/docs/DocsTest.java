package com.ardesk.gateway.docs;

import com.ardesk.gateway.support.WithStubUpstreams;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
        assertThat(doc.getMap("paths.'/api/v1/claims'.get.responses")).containsKeys("200", "401", "403", "429", "502", "503", "504");
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

    /**
     * Spectral with the OWASP ruleset on the merge of lint-clean stub documents, so it finds only
     * what the gateway adds. Needs Node.js and the npm registry: {@code ./mvnw -pl gateway verify -Dspectral=true}.
     */
    @Test
    @EnabledIfSystemProperty(named = "spectral", matches = "true")
    void mergedDocumentLintsCleanWithSpectralOwasp() throws Exception {
        Path doc = Path.of("target", "openapi-merged.json");
        Files.writeString(doc, given().when().get("/openapi").then().statusCode(200).extract().asString());
        Process lint = new ProcessBuilder("bash", "openapi-lint.sh", doc.toString()).redirectErrorStream(true).start();
        String report = new String(lint.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(lint.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(lint.exitValue()).as("spectral found errors:%n%s", report).isZero();
    }
}
