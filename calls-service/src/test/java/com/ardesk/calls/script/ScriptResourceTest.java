package com.ardesk.calls.script;

import com.ardesk.calls.claim.ClaimEventHandler;
import com.ardesk.calls.support.CallsInfra;
import com.ardesk.calls.support.Claims;
import com.ardesk.devstack.DevTokens;
import com.ardesk.devstack.TopicProbe;
import com.ardesk.events.EventJson;
import com.ardesk.events.Topics;
import com.ardesk.kit.consumer.EventConsumerRunner;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@CallsInfra
class ScriptResourceTest {
    static final String CALLER = DevTokens.token("caller-1", List.of("caller"), List.of("P100"));
    static final String CALLER_B = DevTokens.token("caller-b", List.of("caller"), List.of("P200"));
    static final String SUPERVISOR = DevTokens.token("super-1", List.of("supervisor"), List.of("P100"));
    static final String SUPERVISOR_B = DevTokens.token("super-b", List.of("supervisor"), List.of("P200"));
    static final String ADMIN = DevTokens.token("admin-1", List.of("admin"), List.of("P100"));

    @Inject
    EventConsumerRunner runner;
    @Inject
    ClaimEventHandler handler;

    static Map<String, Object> script(String name, String payerId) {
        return script("P100", name, payerId);
    }

    /** A coding-denial script; without a practice it is a default script for every practice. */
    static Map<String, Object> script(String practiceId, String name, String payerId) {
        Map<String, Object> script = new LinkedHashMap<>();
        if (practiceId != null) {
            script.put("practiceId", practiceId);
        }
        script.put("name", name);
        script.put("appliesTo", Map.of("denialCategory", "CODING", "payerId", payerId));
        script.put("opening", "Calling about a coding denial.");
        script.put("objective", "Find the code to fix.");
        script.put("steps", List.of("Ask which line", "Ask for the corrected-claim rule"));
        script.put("objections", List.of(Map.of("objection", "Read the remit.",
                "rebuttal", "The remit names no line; which one is it?")));
        return script;
    }

    @Test
    void defaultScriptsAreSeeded() {
        given().auth().oauth2(CALLER).queryParam("limit", 500).get("/api/v1/call-scripts").then().statusCode(200)
                .body("items.name", hasItems("Claim status check", "Denial: eligibility", "Denial: authorization",
                        "Denial: coding", "Denial: missing information", "Denial: timely filing", "Denial: duplicate",
                        "Denial: medical necessity", "Denial: coordination of benefits", "Denial: non-covered service",
                        "Denial: other", "Promise follow-up", "Patient payment plan", "No claim on file"));
    }

    @Test
    void matchPicksTheMostSpecificScriptAndSaysWhy() {
        UUID denied = UUID.randomUUID();
        runner.apply(handler, Claims.changed("P100", denied, "HUMANA", 1, "DENIED", "TIMELY_FILING"));
        given().auth().oauth2(CALLER).queryParam("claimId", denied.toString()).get("/api/v1/call-scripts/match")
                .then().statusCode(200).body("script.name", equalTo("Denial: timely filing"))
                .body("why", hasItem("the claim's denial category is TIMELY_FILING"))
                .body("situation.claimStatus", equalTo("DENIED"));

        UUID pending = UUID.randomUUID();
        runner.apply(handler, Claims.changed("P100", pending, "HUMANA", 1));
        given().auth().oauth2(CALLER).queryParam("claimId", pending.toString()).get("/api/v1/call-scripts/match")
                .then().statusCode(200).body("script.name", equalTo("Claim status check")).body("score", equalTo(0));
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).body(Map.of("practiceId", "P100", "payerId", "HUMANA",
                        "claimIds", List.of(pending), "startedAt", "2026-03-02T15:04:05Z", "durationSeconds", 60,
                        "outcome", "NO_CLAIM_ON_FILE"))
                .post("/api/v1/calls").then().statusCode(201);
        given().auth().oauth2(CALLER).queryParam("claimId", pending.toString()).get("/api/v1/call-scripts/match")
                .then().statusCode(200).body("script.name", equalTo("No claim on file"))
                .body("situation.lastOutcome", equalTo("NO_CLAIM_ON_FILE"));

        given().auth().oauth2(CALLER_B).queryParam("claimId", pending.toString()).get("/api/v1/call-scripts/match")
                .then().statusCode(404);
        given().auth().oauth2(CALLER).queryParam("claimId", UUID.randomUUID().toString()).get("/api/v1/call-scripts/match")
                .then().statusCode(404);
        given().auth().oauth2(CALLER).get("/api/v1/call-scripts/match").then().statusCode(400)
                .body("errors[0].field", equalTo("claimId"));
    }

    @Test
    void supervisorsMaintainScriptsWithETagsAndCallersOnlyRead() {
        String location = given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .header("Idempotency-Key", "script-" + UUID.randomUUID())
                .body(script("Coding at Aetna", "AETNA")).post("/api/v1/call-scripts")
                .then().statusCode(201).header("ETag", notNullValue()).extract().header("Location");
        String etag = given().auth().oauth2(CALLER).get(location).then().statusCode(200)
                .body("appliesTo.payerId", equalTo("AETNA")).body("objections[0].rebuttal", notNullValue())
                .extract().header("ETag");

        UUID claimId = UUID.randomUUID();
        runner.apply(handler, Claims.changed("P100", claimId, "AETNA", 1, "DENIED", "CODING"));
        given().auth().oauth2(CALLER).queryParam("claimId", claimId.toString()).get("/api/v1/call-scripts/match")
                .then().statusCode(200).body("script.name", equalTo("Coding at Aetna")).body("score", equalTo(12));

        given().auth().oauth2(CALLER).contentType(ContentType.JSON).body(script("Mine", "AETNA"))
                .post("/api/v1/call-scripts").then().statusCode(403);
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body(script("Coding at Aetna", "AETNA"))
                .post("/api/v1/call-scripts").then().statusCode(409);
        // another practice neither sees nor changes it
        given().auth().oauth2(SUPERVISOR_B).get(location).then().statusCode(404)
                .body("type", equalTo("https://ardesk.dev/problems/not-found"));
        given().auth().oauth2(SUPERVISOR_B).contentType(ContentType.JSON).header("If-Match", etag)
                .body(script("Coding at Aetna", "AETNA")).put(location).then().statusCode(404);
        given().auth().oauth2(SUPERVISOR_B).contentType(ContentType.JSON).body(script("Mine", "AETNA"))
                .post("/api/v1/call-scripts").then().statusCode(404);
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).header("If-Match", etag)
                .body(script("Coding at Aetna v2", "AETNA")).put(location).then().statusCode(200)
                .body("name", equalTo("Coding at Aetna v2"));
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).header("If-Match", etag)
                .body(script("Coding at Aetna v3", "AETNA")).put(location).then().statusCode(412);
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body("{\"name\":\"\",\"appliesTo\":{\"denialCategory\":\"ASTROLOGY\"}}").post("/api/v1/call-scripts")
                .then().statusCode(400).body("errors[0].field", equalTo("appliesTo.denialCategory"));
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body("{\"name\":\"\",\"appliesTo\":{}}")
                .post("/api/v1/call-scripts").then().statusCode(400)
                .body("errors.field", hasItems("name", "opening", "objective", "steps"));
        given().auth().oauth2(SUPERVISOR).delete(location).then().statusCode(204);
        given().auth().oauth2(CALLER).get(location).then().statusCode(404);
    }

    @Test
    void defaultsAreWrittenByAdminsOnlyAndAPracticesOwnScriptWinsAtEqualFit() {
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body(script(null, "Default for BCBS", "BCBS"))
                .post("/api/v1/call-scripts").then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://ardesk.dev/problems/forbidden"));
        String defaultScript = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(script(null, "Default for BCBS", "BCBS")).post("/api/v1/call-scripts")
                .then().statusCode(201).extract().header("Location");
        String etag = given().auth().oauth2(CALLER_B).get(defaultScript).then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).header("If-Match", etag)
                .body(script(null, "Default for BCBS v2", "BCBS")).put(defaultScript).then().statusCode(403);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", etag)
                .body(script("P100", "Default for BCBS", "BCBS")).put(defaultScript).then().statusCode(400)
                .body("errors[0].field", equalTo("practiceId"));

        UUID claimId = UUID.randomUUID();
        runner.apply(handler, Claims.changed("P100", claimId, "BCBS", 1, "DENIED", "CODING"));
        given().auth().oauth2(CALLER).queryParam("claimId", claimId.toString()).get("/api/v1/call-scripts/match")
                .then().statusCode(200).body("script.name", equalTo("Default for BCBS"));
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body(script("P100", "Our BCBS coding", "BCBS"))
                .post("/api/v1/call-scripts").then().statusCode(201).body("practiceId", equalTo("P100"));
        given().auth().oauth2(CALLER).queryParam("claimId", claimId.toString()).get("/api/v1/call-scripts/match")
                .then().statusCode(200).body("script.name", equalTo("Our BCBS coding"))
                .body("why", hasItem("it is the practice's own script"));
        given().auth().oauth2(CALLER_B).queryParam("limit", 500).get("/api/v1/call-scripts").then().statusCode(200)
                .body("items.name", hasItem("Default for BCBS"))
                .body("items.name", org.hamcrest.Matchers.not(hasItem("Our BCBS coding")));

        List<String> events = TopicProbe.read(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                Topics.CALLS, v -> EventJson.read(v).type().equals("CallScriptChanged")
                        && EventJson.read(v).payload().path("name").asText().equals("Our BCBS coding"),
                1, Duration.ofSeconds(30), Duration.ofSeconds(2));
        org.assertj.core.api.Assertions.assertThat(events).hasSize(1);
        org.assertj.core.api.Assertions.assertThat(EventJson.read(events.get(0)).practiceId()).isEqualTo("P100");
        org.assertj.core.api.Assertions.assertThat(EventJson.read(events.get(0)).payload().path("objections").get(0)
                .path("rebuttal").asText()).isNotBlank();
    }
}
