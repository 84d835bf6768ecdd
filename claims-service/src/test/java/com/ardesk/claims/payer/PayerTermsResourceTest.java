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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.ardesk.claims.support.ClaimFixtures.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@ClaimsInfra
class PayerTermsResourceTest {
    static final String OTHER_SUPERVISOR = DevTokens.token("sup-9", List.of("supervisor"), List.of(OTHER_PRACTICE));

    static Map<String, Object> terms(int filing, int appeal, int grace, String effectiveFrom) {
        Map<String, Object> body = new HashMap<>();
        body.put("timelyFilingDays", filing);
        body.put("timelyFilingBasis", "SERVICE_DATE");
        body.put("appealWindowDays", appeal);
        body.put("promiseGraceDays", grace);
        body.put("effectiveFrom", effectiveFrom);
        return body;
    }

    static String deny(String claimId) {
        return given().auth().oauth2(CALLER).contentType(ContentType.JSON)
                .body(Map.of("groupCode", "CO", "reasonCode", "197", "amount", "10.00", "deniedOn", today().toString()))
                .post("/api/v1/claims/" + claimId + "/denials").then().statusCode(201).extract().path("appealDeadline");
    }

    @Test
    void aSupervisorSetsTermsForTheirPracticeOnlyAndItsDeadlinesFollowThem() {
        payer("TERMS-A");
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body(terms(90, 30, 2, "2000-01-01"))
                .put("/api/v1/practices/" + PRACTICE + "/payer-terms/TERMS-A")
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/api/v1/practices/" + PRACTICE + "/payer-terms/TERMS-A"))
                .body("source", equalTo("PRACTICE")).body("inForce.appealWindowDays", equalTo(30))
                .body("versions", hasSize(1));
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body(terms(90, 30, 2, "2000-01-01"))
                .put("/api/v1/practices/" + PRACTICE + "/payer-terms/TERMS-A").then().statusCode(200);

        // this practice's claims: 30-day appeal window, 90-day filing; the payer itself is unchanged
        String claimId = create("TERMS-A-1", "TERMS-A", 10);
        given().auth().oauth2(CALLER).get("/api/v1/claims/" + claimId).then()
                .body("timelyFilingDeadline", equalTo(today().minusDays(10).plusDays(90).toString()));
        assertThat(deny(claimId)).isEqualTo(today().plusDays(30).toString());
        given().auth().oauth2(CALLER).get("/api/v1/payers/TERMS-A").then().body("appealWindowDays", equalTo(120));

        // another practice still gets the payer's 120 days
        String other = given().auth().oauth2(OUTSIDER).contentType(ContentType.JSON)
                .body(claim(OTHER_PRACTICE, "TERMS-A-9", "TERMS-A", 10))
                .post("/api/v1/claims").then().statusCode(201).extract().path("claimId");
        String otherDeadline = given().auth().oauth2(OUTSIDER).contentType(ContentType.JSON)
                .body(Map.of("groupCode", "CO", "reasonCode", "197", "amount", "10.00", "deniedOn", today().toString()))
                .post("/api/v1/claims/" + other + "/denials").then().statusCode(201).extract().path("appealDeadline");
        assertThat(otherDeadline).isEqualTo(today().plusDays(120).toString());

        List<String> events = TopicProbe.read(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                Topics.CLAIMS, v -> EventJson.read(v).type().equals("PayerTermsChanged")
                        && EventJson.read(v).payload().path("payerId").asText().equals("TERMS-A"),
                1, Duration.ofSeconds(30), Duration.ofSeconds(2));
        assertThat(events).hasSize(1);
        assertThat(EventJson.read(events.get(0)).practiceId()).isEqualTo(PRACTICE);
        assertThat(EventJson.read(events.get(0)).payload().path("versions").get(0).path("promiseGraceDays").asInt()).isEqualTo(2);
    }

    @Test
    void withoutOwnTermsTheGetShowsThePayersRule() {
        payer("TERMS-B");
        given().auth().oauth2(CALLER).get("/api/v1/practices/" + PRACTICE + "/payer-terms/TERMS-B").then().statusCode(200)
                .body("source", equalTo("PAYER")).body("inForce.appealWindowDays", equalTo(120)).body("versions", hasSize(0));
    }

    @Test
    void anotherPracticeIs404WrongRoleIs403UnknownPayerIs404AndBadBodyIs400() {
        payer("TERMS-C");
        given().auth().oauth2(OTHER_SUPERVISOR).contentType(ContentType.JSON).body(terms(90, 30, 2, "2000-01-01"))
                .put("/api/v1/practices/" + PRACTICE + "/payer-terms/TERMS-C").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("https://ardesk.dev/problems/not-found"));
        given().auth().oauth2(OTHER_SUPERVISOR).get("/api/v1/practices/" + PRACTICE + "/payer-terms/TERMS-C")
                .then().statusCode(404);
        for (String token : List.of(CALLER, PM)) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(terms(90, 30, 2, "2000-01-01"))
                    .put("/api/v1/practices/" + PRACTICE + "/payer-terms/TERMS-C").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body(terms(90, 30, 2, "2000-01-01"))
                .put("/api/v1/practices/" + PRACTICE + "/payer-terms/NO-SUCH-PAYER").then().statusCode(404)
                .body("type", equalTo("https://ardesk.dev/problems/not-found"));
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body(terms(0, 99999, 2, "2000-01-01"))
                .put("/api/v1/practices/" + PRACTICE + "/payer-terms/TERMS-C").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("timelyFilingDays", "appealWindowDays"));
        given().auth().oauth2(CALLER).get("/api/v1/practices/" + PRACTICE + "/payer-terms/TERMS-C").then()
                .body("source", equalTo("PAYER"));
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothingTheCurrentOneIsAccepted() {
        payer("TERMS-D");
        String path = "/api/v1/practices/" + PRACTICE + "/payer-terms/TERMS-D";
        String before = given().auth().oauth2(CALLER).get(path).then().statusCode(200).header("ETag", org.hamcrest.Matchers.notNullValue())
                .extract().header("ETag");
        String first = given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).header("If-Match", before)
                .body(terms(90, 30, 2, "2000-01-01")).put(path).then().statusCode(201).extract().header("ETag");
        assertThat(first).isNotEqualTo(before);
        given().auth().oauth2(CALLER).get(path).then().header("ETag", equalTo(first));

        // another front end still holds the tag from before the first change
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).header("If-Match", before)
                .body(terms(60, 20, 1, "2000-01-01")).put(path).then().statusCode(412)
                .contentType("application/problem+json").header("X-Request-Id", org.hamcrest.Matchers.notNullValue())
                .body("type", equalTo("https://ardesk.dev/problems/stale-etag"));
        given().auth().oauth2(CALLER).get(path).then().header("ETag", equalTo(first))
                .body("versions[0].appealWindowDays", equalTo(30)).body("versions", hasSize(1));

        String second = given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).header("If-Match", "W/" + first)
                .body(terms(60, 20, 1, "2000-01-01")).put(path).then().statusCode(200)
                .body("versions[0].appealWindowDays", equalTo(20)).extract().header("ETag");
        assertThat(second).isNotEqualTo(first);
        // without If-Match the change is unconditional, as for every other resource
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body(terms(60, 20, 1, "2001-01-01")).put(path).then().statusCode(201);
    }
}
