package com.ardesk.claims.payer;

import com.ardesk.claims.support.ClaimsInfra;
import com.ardesk.devstack.DevTokens;
import com.ardesk.devstack.TopicProbe;
import com.ardesk.events.EventJson;
import com.ardesk.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@ClaimsInfra
class PayerResourceTest {
    static final String ADMIN = DevTokens.token("admin-1", List.of("admin"), List.of("P100"));
    static final String CALLER = DevTokens.token("caller-1", List.of("caller"), List.of("P100"));
    static final String SUPERVISOR = DevTokens.token("sup-1", List.of("supervisor"), List.of("P100"));
    static final String INTEGRATION = DevTokens.token("pm-sync", List.of("integration"), List.of("P100"));

    static Map<String, Object> body(String name, int timelyFilingDays, String effectiveFrom) {
        return Map.of("name", name, "phone", "+1-800-555-0100", "timelyFilingDays", timelyFilingDays,
                "timelyFilingBasis", "SERVICE_DATE", "appealWindowDays", 120, "promiseGraceDays", 5,
                "effectiveFrom", effectiveFrom);
    }

    @Test
    void putCreatesThePayerPublishesPayerChangedOnceAndReplayChangesNothing() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body("Aetna", 90, "2025-01-01"))
                .when().put("/api/v1/payers/AETNA-T1")
                .then().statusCode(201).header("Location", notNullValue()).header("ETag", notNullValue())
                .header("X-Request-Id", notNullValue())
                .body("payerId", equalTo("AETNA-T1")).body("currentRule.timelyFilingDays", equalTo(90))
                .body("timelyFilingDays", equalTo(90)).body("appealWindowDays", equalTo(120));

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body("Aetna", 90, "2025-01-01"))
                .when().put("/api/v1/payers/AETNA-T1")
                .then().statusCode(200).body("name", equalTo("Aetna"));

        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        List<String> events = TopicProbe.read(bootstrap, Topics.CLAIMS,
                v -> EventJson.read(v).type().equals("PayerChanged")
                        && EventJson.read(v).payload().path("payerId").asText().equals("AETNA-T1"),
                1, Duration.ofSeconds(30), Duration.ofSeconds(2));
        assertThat(events).hasSize(1);
    }

    @Test
    void aNewRuleVersionKeepsTheOldOneForOlderClaims() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body("UHC", 90, "2024-01-01"))
                .put("/api/v1/payers/UHC-T2").then().statusCode(201);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body("UHC", 180, "2099-01-01"))
                .put("/api/v1/payers/UHC-T2").then().statusCode(200);

        given().auth().oauth2(CALLER).when().get("/api/v1/payers/UHC-T2")
                .then().statusCode(200)
                .body("rules", hasSize(2))
                .body("currentRule.timelyFilingDays", equalTo(90)).body("timelyFilingDays", equalTo(90));
    }

    @Test
    void staleIfMatchIs412() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body("BCBS", 180, "2024-01-01"))
                .put("/api/v1/payers/BCBS-T3").then().statusCode(201);

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", "\"999\"")
                .body(body("BCBS renamed", 180, "2024-01-01"))
                .put("/api/v1/payers/BCBS-T3")
                .then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("https://ardesk.dev/problems/stale-etag"));
    }

    @Test
    void invalidBodyNamesEveryField() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"name\":\"\",\"timelyFilingDays\":0,\"phone\":\"call me\"}")
                .put("/api/v1/payers/BAD")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("timelyFilingDays"))
                .body("errors.field", hasItem("appealWindowDays"))
                .body("errors.field", hasItem("phone"));
    }

    @Test
    void malformedJsonWrongTypesAndUnknownEnumsAre400NotServerErrors() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"name\":")
                .put("/api/v1/payers/BAD").then().statusCode(400).body("errors[0].field", equalTo("body"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"timelyFilingDays\":\"ninety\",\"appealWindowDays\":1}")
                .put("/api/v1/payers/BAD").then().log().ifValidationFails().statusCode(400).body("errors[0].field", equalTo("timelyFilingDays"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"timelyFilingDays\":99999999999999999999,\"appealWindowDays\":1}")
                .put("/api/v1/payers/BAD").then().log().ifValidationFails().statusCode(400).body("errors[0].field", equalTo("timelyFilingDays"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"timelyFilingDays\":9,\"appealWindowDays\":1,\"timelyFilingBasis\":\"MOON\"}")
                .put("/api/v1/payers/BAD").then().statusCode(400).body("errors[0].field", equalTo("timelyFilingBasis"));
    }

    @Test
    void missingTokenIs401WrongRoleIs403UnknownIs404() {
        given().when().get("/api/v1/payers").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("not-a-jwt").when().get("/api/v1/payers").then().statusCode(401);
        for (String token : List.of(CALLER, SUPERVISOR, INTEGRATION)) {
            // payers are billing-company-wide: only an admin writes them
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body("X", 90, "2025-01-01"))
                    .put("/api/v1/payers/X1").then().statusCode(403).contentType("application/problem+json");
        }
        given().auth().oauth2(CALLER).get("/api/v1/payers/X1").then().statusCode(404);
        given().auth().oauth2(CALLER).get("/api/v1/payers/NOPE").then().statusCode(404)
                .body("type", equalTo("https://ardesk.dev/problems/not-found"));
    }

    @Test
    void listPagesWithACursor() {
        for (String id : List.of("PAGE-A", "PAGE-B", "PAGE-C")) {
            given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body(id, 90, "2025-01-01"))
                    .put("/api/v1/payers/" + id).then().statusCode(201);
        }
        String cursor = given().auth().oauth2(CALLER).queryParam("limit", 1).get("/api/v1/payers")
                .then().statusCode(200).body("items", hasSize(1)).extract().path("nextCursor");
        assertThat(cursor).isNotNull();
        given().auth().oauth2(CALLER).queryParam("limit", 1).queryParam("cursor", cursor).get("/api/v1/payers")
                .then().statusCode(200).body("items", hasSize(1));
        given().auth().oauth2(CALLER).queryParam("cursor", "%%%").get("/api/v1/payers")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().auth().oauth2(CALLER).queryParam("limit", 501).get("/api/v1/payers")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    @Test
    void readinessChecksDatabaseAndKafka() {
        given().port(ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class)).when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
