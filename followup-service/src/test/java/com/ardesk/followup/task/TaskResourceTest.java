package com.ardesk.followup.task;

import com.ardesk.devstack.DevTokens;
import com.ardesk.followup.support.FollowupInfra;
import com.ardesk.followup.support.Seeder;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@FollowupInfra
class TaskResourceTest {
    static final String PRACTICE = "P-TASK";
    static final String CALLER = DevTokens.token("caller-t1", List.of("caller"), List.of(PRACTICE));
    static final String OTHER_CALLER = DevTokens.token("caller-t2", List.of("caller"), List.of(PRACTICE));
    static final String SUPERVISOR = DevTokens.token("sup-t", List.of("supervisor"), List.of(PRACTICE));
    static final String STRANGER = DevTokens.token("caller-x", List.of("caller", "supervisor"), List.of("P-ELSEWHERE"));

    @Inject
    Seeder seed;

    static Map<String, Object> manual(UUID claimId, String reason) {
        return Map.of("claimId", claimId, "type", "MANUAL", "dueOn", Seeder.TODAY.toString(), "reason", reason);
    }

    ExtractableResponse<Response> create(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/followups")
                .then().extract();
    }

    String newTask() {
        UUID claimId = seed.claim(PRACTICE, "PAYER-T", "800.00", 20);
        return create(CALLER, manual(claimId, "check secondary")).path("taskId");
    }

    @Test
    void createAnswers201WithLocationAndETagAndRanksTheTask() {
        UUID claimId = seed.claim(PRACTICE, "PAYER-T", "2500.00", 75);
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).body(manual(claimId, "patient says secondary pays"))
                .post("/api/v1/followups")
                .then().statusCode(201).header("Location", containsString("/api/v1/followups/")).header("ETag", notNullValue())
                .body("status", equalTo("OPEN")).body("type", equalTo("MANUAL")).body("createdBy", equalTo("caller-t1"))
                .body("because", hasItems("balance $2,500.00", "aged 75 days (61-90)"))
                .body("priority", equalTo(25 + 20));
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswerAndRefusesAnotherBody() {
        UUID claimId = seed.claim(PRACTICE, "PAYER-T", "100.00", 5);
        String key = "key-" + UUID.randomUUID();
        String first = given().auth().oauth2(CALLER).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(manual(claimId, "one")).post("/api/v1/followups").then().statusCode(201).extract().path("taskId");
        given().auth().oauth2(CALLER).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(manual(claimId, "one")).post("/api/v1/followups")
                .then().statusCode(201).body("taskId", equalTo(first)).header("Idempotent-Replayed", "true");
        given().auth().oauth2(CALLER).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(manual(claimId, "two")).post("/api/v1/followups")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://ardesk.dev/problems/idempotency-key-reused"));
    }

    @Test
    void secondOpenTaskOfTheSameTypeIs409() {
        UUID claimId = seed.claim(PRACTICE, "PAYER-T", "100.00", 5);
        assertThat(create(CALLER, manual(claimId, "one")).statusCode()).isEqualTo(201);
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).body(manual(claimId, "again"))
                .post("/api/v1/followups").then().statusCode(409)
                .body("type", equalTo("https://ardesk.dev/problems/task-exists"));
    }

    @Test
    void invalidBodiesAre400NamingTheField() {
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).body("{\"type\":\"MANUAL\"}")
                .post("/api/v1/followups").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("claimId", "reason"));
        given().auth().oauth2(CALLER).contentType(ContentType.JSON)
                .body(Map.of("claimId", UUID.randomUUID(), "type", "LUNCH", "reason", "x"))
                .post("/api/v1/followups").then().statusCode(400).body("errors[0].field", equalTo("type"));
        given().auth().oauth2(CALLER).contentType(ContentType.JSON)
                .body("{\"claimId\":\"not-a-uuid\",\"reason\":\"x\"}")
                .post("/api/v1/followups").then().statusCode(400).body("errors[0].field", equalTo("claimId"));
        UUID claimId = seed.claim(PRACTICE, "PAYER-T", "100.00", 5);
        given().auth().oauth2(CALLER).contentType(ContentType.JSON)
                .body(Map.of("claimId", claimId, "dueOn", "2001-01-01", "reason", "x"))
                .post("/api/v1/followups").then().statusCode(400).body("errors[0].field", equalTo("dueOn"));
        given().auth().oauth2(CALLER).queryParam("dueBefore", "soon").get("/api/v1/followups")
                .then().statusCode(400).body("errors[0].field", equalTo("dueBefore"));
        given().auth().oauth2(CALLER).queryParam("status", "LATE").get("/api/v1/followups")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    void completeHonoursIfMatchAndAClosedTaskIs409() {
        String taskId = newTask();
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).header("If-Match", "\"99\"").body("{}")
                .post("/api/v1/followups/" + taskId + "/complete").then().statusCode(412);
        String etag = given().auth().oauth2(CALLER).get("/api/v1/followups/" + taskId).then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"note\":\"payer confirmed payment\"}")
                .post("/api/v1/followups/" + taskId + "/complete")
                .then().statusCode(200).body("status", equalTo("DONE"))
                .body("closeReason", equalTo("payer confirmed payment (by caller-t1)"));
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/followups/" + taskId + "/complete").then().statusCode(409)
                .body("type", equalTo("https://ardesk.dev/problems/task-closed"));
    }

    @Test
    void snoozeNeedsAFutureDayAndAReason() {
        String taskId = newTask();
        given().auth().oauth2(CALLER).contentType(ContentType.JSON)
                .body(Map.of("until", Seeder.TODAY.toString(), "reason", "later"))
                .post("/api/v1/followups/" + taskId + "/snooze").then().statusCode(400)
                .body("errors[0].field", equalTo("until"));
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).body(Map.of("until", Seeder.TODAY.plusDays(3).toString()))
                .post("/api/v1/followups/" + taskId + "/snooze").then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        given().auth().oauth2(CALLER).contentType(ContentType.JSON)
                .body(Map.of("until", Seeder.TODAY.plusDays(3).toString(), "reason", "payer portal down"))
                .post("/api/v1/followups/" + taskId + "/snooze").then().statusCode(200)
                .body("status", equalTo("SNOOZED")).body("snoozedUntil", equalTo(Seeder.TODAY.plusDays(3).toString()))
                .body("dueOn", equalTo(Seeder.TODAY.plusDays(3).toString()));
    }

    @Test
    void onlySupervisorsAssignAndCancelAndCallersKeepOffOthersTasks() {
        String taskId = newTask();
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).body("{\"assignee\":\"caller-t1\"}")
                .post("/api/v1/followups/" + taskId + "/assign").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body("{\"assignee\":\"caller-t1\"}")
                .post("/api/v1/followups/" + taskId + "/assign").then().statusCode(200)
                .body("assignee", equalTo("caller-t1"));
        given().auth().oauth2(OTHER_CALLER).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/followups/" + taskId + "/complete").then().statusCode(403);
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).body("{\"reason\":\"dup\"}")
                .post("/api/v1/followups/" + taskId + "/cancel").then().statusCode(403);
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body("{\"reason\":\"duplicate of the denial task\"}")
                .post("/api/v1/followups/" + taskId + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("closeReason", startsWith("duplicate of the denial task"));
    }

    @Test
    void listFiltersByClaimStatusAssigneeAndDueDateAndPages() {
        UUID claimId = seed.claim(PRACTICE, "PAYER-T", "900.00", 10);
        seed.deny(PRACTICE, claimId, "CODING", "900.00", Seeder.TODAY.plusDays(40));
        given().auth().oauth2(CALLER).queryParam("claimId", claimId.toString()).queryParam("status", "OPEN")
                .get("/api/v1/followups").then().statusCode(200)
                .body("items.type", hasItems("DENIAL", "APPEAL_DEADLINE")).body("items.size()", equalTo(2));
        given().auth().oauth2(CALLER).queryParam("claimId", claimId.toString()).queryParam("dueBefore", Seeder.TODAY.toString())
                .get("/api/v1/followups").then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].type", equalTo("DENIAL"));
        String cursor = given().auth().oauth2(CALLER).queryParam("claimId", claimId.toString()).queryParam("limit", 1)
                .get("/api/v1/followups").then().statusCode(200).body("items.size()", equalTo(1))
                .extract().path("nextCursor");
        given().auth().oauth2(CALLER).queryParam("claimId", claimId.toString()).queryParam("limit", 1)
                .queryParam("cursor", cursor).get("/api/v1/followups").then().statusCode(200)
                .body("items[0].type", equalTo("APPEAL_DEADLINE")).body("nextCursor", equalTo(null));
        given().auth().oauth2(CALLER).queryParam("cursor", "garbage!").get("/api/v1/followups").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void anotherPracticesTasksAndClaimsAre404OrEmptyAndNoTokenIs401() {
        String taskId = newTask();
        UUID claimId = seed.claim(PRACTICE, "PAYER-T", "100.00", 5);
        given().auth().oauth2(STRANGER).get("/api/v1/followups/" + taskId).then().statusCode(404)
                .body("type", equalTo("https://ardesk.dev/problems/not-found"));
        // another practice's claim and a random one answer the same: an empty page
        for (UUID claim : List.of(claimId, UUID.randomUUID())) {
            given().auth().oauth2(STRANGER).queryParam("claimId", claim.toString()).get("/api/v1/followups")
                    .then().statusCode(200).body("items.size()", equalTo(0)).body("nextCursor", org.hamcrest.Matchers.nullValue());
        }
        given().auth().oauth2(STRANGER).get("/api/v1/followups").then().statusCode(200)
                .body("items.size()", equalTo(0));
        given().auth().oauth2(STRANGER).contentType(ContentType.JSON).body(manual(claimId, "x"))
                .post("/api/v1/followups").then().statusCode(404);
        for (String action : List.of("complete", "snooze", "assign", "cancel")) {
            given().auth().oauth2(STRANGER).contentType(ContentType.JSON)
                    .body(Map.of("until", Seeder.TODAY.plusDays(2).toString(), "reason", "x", "assignee", "a"))
                    .post("/api/v1/followups/" + taskId + "/" + action).then().statusCode(404);
        }
        given().auth().oauth2(CALLER).get("/api/v1/followups/not-a-uuid").then().statusCode(404);
        given().get("/api/v1/followups").then().statusCode(401).contentType("application/problem+json");
    }
}
