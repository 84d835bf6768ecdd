package com.ardesk.calls.call;

import com.ardesk.calls.claim.ClaimEventHandler;
import com.ardesk.calls.support.CallsInfra;
import com.ardesk.calls.support.Claims;
import com.ardesk.devstack.DevTokens;
import com.ardesk.devstack.Money;
import com.ardesk.devstack.TopicProbe;
import com.ardesk.events.EventJson;
import com.ardesk.events.Topics;
import com.ardesk.kit.consumer.EventConsumerRunner;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.ardesk.devstack.Money.money;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@CallsInfra
class CallResourceTest {
    static final String CALLER = DevTokens.token("caller-1", List.of("caller"), List.of("P100"));
    static final String OTHER_CALLER = DevTokens.token("caller-2", List.of("caller"), List.of("P100"));
    static final String CALLER_B = DevTokens.token("caller-b", List.of("caller"), List.of("P200"));
    static final String SUPERVISOR = DevTokens.token("super-1", List.of("supervisor"), List.of("P100"));
    static final String INTEGRATION = DevTokens.token("pm-1", List.of("integration"), List.of("P100"));

    @Inject
    EventConsumerRunner runner;
    @Inject
    ClaimEventHandler handler;

    UUID knownClaim(String practiceId) {
        UUID claimId = UUID.randomUUID();
        runner.apply(handler, Claims.changed(practiceId, claimId, "AETNA", 1));
        return claimId;
    }

    /** A call log as JSON (a map REST Assured serializes); a test changes a field with {@code put}. */
    static Map<String, Object> call(String practiceId, List<UUID> claimIds, String outcome, Map<String, Object> promise) {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("practiceId", practiceId);
        call.put("payerId", "AETNA");
        call.put("claimIds", claimIds);
        call.put("startedAt", "2026-03-02T15:04:05Z");
        call.put("durationSeconds", 540);
        call.put("repName", "Dana R.");
        call.put("referenceNumber", "CR-7781");
        call.put("outcome", outcome);
        call.put("notes", "rep confirmed");
        if (promise != null) {
            call.put("promise", promise);
        }
        return call;
    }

    static final Map<String, Object> PROMISE = Map.of("amount", "1250.00", "expectedOn", "2026-03-10", "method", "CHECK",
            "reference", "CHK-0048213");

    @Test
    void promiseToPayCallYieldsExactlyOneCallLoggedAndOnePromiseToPay() {
        UUID claimId = knownClaim("P100");
        String callId = given().config(Money.exact()).auth().oauth2(CALLER).contentType(ContentType.JSON)
                .body(call("P100", List.of(claimId), "PROMISE_TO_PAY", PROMISE))
                .when().post("/api/v1/calls")
                .then().statusCode(201).header("Location", notNullValue()).header("ETag", notNullValue())
                .header("X-Request-Id", notNullValue())
                .body("callerId", equalTo("caller-1"))
                .body("promise.status", equalTo("OPEN"))
                .body("promise.amount", money("1250.00"))
                .body("promise.claimId", equalTo(claimId.toString()))
                .body("promise.brokenAfter", equalTo("2026-03-17"))
                .extract().path("callId");

        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        List<String> events = TopicProbe.read(bootstrap, Topics.CALLS,
                v -> v.contains(callId), 2, Duration.ofSeconds(30), Duration.ofSeconds(2));
        assertThat(events).extracting(v -> EventJson.read(v).type())
                .containsExactlyInAnyOrder("CallLogged", "PromiseToPay");
        assertThat(events).allSatisfy(v -> assertThat(EventJson.read(v).practiceId()).isEqualTo("P100"));
    }

    @Test
    void promiseToPayRequiresAPromiseAndOtherOutcomesRefuseOne() {
        UUID claimId = knownClaim("P100");
        given().auth().oauth2(CALLER).contentType(ContentType.JSON)
                .body(call("P100", List.of(claimId), "PROMISE_TO_PAY", null))
                .post("/api/v1/calls").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("promise"));
        given().auth().oauth2(CALLER).contentType(ContentType.JSON)
                .body(call("P100", List.of(claimId), "IN_PROCESS", PROMISE))
                .post("/api/v1/calls").then().statusCode(400).body("errors.field", contains("promise"));
    }

    @Test
    void invalidBodiesAre400NamingEachField() {
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).body("{\"practiceId\":\"P100\",\"claimIds\":[]}")
                .post("/api/v1/calls").then().statusCode(400)
                .body("errors.field", hasItem("payerId")).body("errors.field", hasItem("claimIds"))
                .body("errors.field", hasItem("startedAt")).body("errors.field", hasItem("durationSeconds"))
                .body("errors.field", hasItem("outcome"));
        UUID claimId = knownClaim("P100");
        given().auth().oauth2(CALLER).contentType(ContentType.JSON)
                .body(call("P100", List.of(claimId), "GOSSIP", null))
                .post("/api/v1/calls").then().statusCode(400).body("errors[0].field", equalTo("outcome"));
        given().auth().oauth2(CALLER).contentType(ContentType.JSON)
                .body(call("P100", List.of(claimId), "PROMISE_TO_PAY",
                        Map.of("amount", "-3.001", "expectedOn", "soon", "method", "CHECK")))
                .post("/api/v1/calls").then().statusCode(400).body("errors[0].field", equalTo("promise.expectedOn"));
        given().auth().oauth2(CALLER).contentType(ContentType.JSON)
                .body(call("P100", List.of(claimId), "PROMISE_TO_PAY",
                        Map.of("amount", "-3.001", "expectedOn", "2026-03-10", "method", "CHECK")))
                .post("/api/v1/calls").then().statusCode(400).body("errors.field", hasItem("promise.amount"));
        Map<String, Object> nullClaim = call("P100", List.of(claimId), "IN_PROCESS", null);
        nullClaim.put("claimIds", Collections.singletonList(null));
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).body(nullClaim)
                .post("/api/v1/calls").then().statusCode(400).body("errors.field", contains("claimIds[0]"));
        Map<String, Object> endless = call("P100", List.of(claimId), "IN_PROCESS", null);
        endless.put("durationSeconds", new BigInteger("99999999999999999999"));
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).body(endless)
                .post("/api/v1/calls").then().statusCode(400).body("errors[0].field", equalTo("durationSeconds"));
        Map<String, Object> future = call("P100", List.of(claimId), "IN_PROCESS", null);
        future.put("startedAt", "2099-01-01T00:00:00Z");
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).body(future)
                .post("/api/v1/calls").then().statusCode(400).body("errors.field", contains("startedAt"));
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).body("{\"practiceId\":")
                .post("/api/v1/calls").then().statusCode(400).body("errors[0].field", equalTo("body"));
    }

    @Test
    void unknownClaimIs422NamingItsIndex() {
        UUID claimId = knownClaim("P100");
        given().auth().oauth2(CALLER).contentType(ContentType.JSON)
                .body(call("P100", List.of(claimId, UUID.randomUUID()), "IN_PROCESS", null))
                .post("/api/v1/calls").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://ardesk.dev/problems/unknown-claim"))
                .body("errors.field", contains("claimIds[1]"));
    }

    @Test
    void aCallerOfPracticeACannotLogACallOnPracticeBsClaimAndCannotTellItExists() {
        UUID claimOfB = knownClaim("P200");
        UUID random = UUID.randomUUID();
        for (UUID claimId : List.of(claimOfB, random)) {
            // another practice's claim and a random id get the same answer: 422 naming claimIds[0]
            given().auth().oauth2(CALLER).contentType(ContentType.JSON)
                    .body(call("P100", List.of(claimId), "IN_PROCESS", null))
                    .post("/api/v1/calls").then().statusCode(422).contentType("application/problem+json")
                    .body("type", equalTo("https://ardesk.dev/problems/unknown-claim"))
                    .body("errors.field", contains("claimIds[0]"))
                    .body("errors[0].message", equalTo("claim " + claimId + " is not known to calls-service"));
        }
        given().auth().oauth2(CALLER).contentType(ContentType.JSON)
                .body(call("P200", List.of(claimOfB), "IN_PROCESS", null))
                .post("/api/v1/calls").then().statusCode(404);
        given().auth().oauth2(CALLER_B).contentType(ContentType.JSON)
                .body(call("P200", List.of(claimOfB), "IN_PROCESS", null))
                .post("/api/v1/calls").then().statusCode(201);
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswerAndRefusesAnotherBody() {
        UUID claimId = knownClaim("P100");
        String key = "idem-" + UUID.randomUUID();
        String first = given().auth().oauth2(CALLER).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(call("P100", List.of(claimId), "PROMISE_TO_PAY", PROMISE))
                .post("/api/v1/calls").then().statusCode(201).extract().path("callId");
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(call("P100", List.of(claimId), "PROMISE_TO_PAY", PROMISE))
                .post("/api/v1/calls").then().statusCode(201).body("callId", equalTo(first));
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(call("P100", List.of(claimId), "NO_ANSWER", null))
                .post("/api/v1/calls").then().statusCode(422)
                .body("type", equalTo("https://ardesk.dev/problems/idempotency-key-reused"));
        given().auth().oauth2(CALLER).queryParam("claimId", claimId.toString()).get("/api/v1/calls")
                .then().statusCode(200).body("items", hasSize(1));
        given().auth().oauth2(CALLER).queryParam("claimId", claimId.toString()).get("/api/v1/promises")
                .then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void getOneAndListWithFiltersAndCursor() {
        UUID claimId = knownClaim("P100");
        String callId = given().auth().oauth2(CALLER).contentType(ContentType.JSON)
                .body(call("P100", List.of(claimId), "IN_PROCESS", null))
                .post("/api/v1/calls").then().statusCode(201).extract().path("callId");
        given().auth().oauth2(OTHER_CALLER).contentType(ContentType.JSON)
                .body(call("P100", List.of(claimId), "NO_ANSWER", null))
                .post("/api/v1/calls").then().statusCode(201);

        given().auth().oauth2(INTEGRATION).get("/api/v1/calls/" + callId)
                .then().statusCode(200).header("ETag", notNullValue())
                .body("claimIds", contains(claimId.toString())).body("amendments", hasSize(0))
                .body("promise", nullValue());
        given().auth().oauth2(CALLER_B).get("/api/v1/calls/" + callId).then().statusCode(404);
        given().auth().oauth2(CALLER).get("/api/v1/calls/not-a-uuid").then().statusCode(400)
                .body("errors[0].field", equalTo("callId"));

        given().auth().oauth2(CALLER).queryParam("claimId", claimId.toString()).queryParam("callerId", "caller-2")
                .get("/api/v1/calls").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].outcome", equalTo("NO_ANSWER"));
        given().auth().oauth2(CALLER).queryParam("claimId", claimId.toString()).queryParam("outcome", "IN_PROCESS")
                .queryParam("payerId", "AETNA").queryParam("from", "2026-03-02").queryParam("to", "2026-03-02")
                .get("/api/v1/calls").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].callId", equalTo(callId));
        given().auth().oauth2(CALLER).queryParam("claimId", claimId.toString()).queryParam("from", "2026-03-03")
                .get("/api/v1/calls").then().statusCode(200).body("items", hasSize(0));
        String cursor = given().auth().oauth2(CALLER).queryParam("claimId", claimId.toString()).queryParam("limit", 1)
                .get("/api/v1/calls").then().statusCode(200).body("items", hasSize(1)).extract().path("nextCursor");
        given().auth().oauth2(CALLER).queryParam("claimId", claimId.toString()).queryParam("limit", 1)
                .queryParam("cursor", cursor).get("/api/v1/calls").then().statusCode(200).body("items", hasSize(1))
                .body("nextCursor", nullValue());
        given().auth().oauth2(CALLER_B).queryParam("claimId", claimId.toString()).get("/api/v1/calls")
                .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(CALLER).queryParam("outcome", "MAYBE").get("/api/v1/calls").then().statusCode(400)
                .body("errors[0].field", equalTo("outcome"));
        given().auth().oauth2(CALLER).queryParam("from", "yesterday").get("/api/v1/calls").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().auth().oauth2(CALLER).queryParam("cursor", "%%%").get("/api/v1/calls").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void amendmentsKeepTheHistoryAndTheCurrentView() {
        UUID claimId = knownClaim("P100");
        String callId = given().auth().oauth2(CALLER).contentType(ContentType.JSON)
                .body(call("P100", List.of(claimId), "IN_PROCESS", null))
                .post("/api/v1/calls").then().statusCode(201).extract().path("callId");
        String etag = given().auth().oauth2(CALLER).get("/api/v1/calls/" + callId).then().extract().header("ETag");

        given().auth().oauth2(CALLER).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"changes\":{\"referenceNumber\":\"CR-7718\",\"durationSeconds\":600},\"reason\":\"typo\"}")
                .post("/api/v1/calls/" + callId + "/amendments")
                .then().statusCode(201).body("referenceNumber", equalTo("CR-7718"))
                .body("amendments", hasSize(1));
        given().auth().oauth2(CALLER).get("/api/v1/calls/" + callId).then().statusCode(200)
                .body("referenceNumber", equalTo("CR-7718")).body("durationSeconds", equalTo(600))
                .body("amendments[0].amendedBy", equalTo("caller-1"))
                .body("amendments[0].reason", equalTo("typo"))
                .body("amendments[0].amendedAt", notNullValue())
                .body("amendments[0].changes.field", contains("durationSeconds", "referenceNumber"))
                .body("amendments[0].changes.find { it.field == 'referenceNumber' }.from", equalTo("CR-7781"));

        given().auth().oauth2(CALLER).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"changes\":{\"notes\":\"again\"},\"reason\":\"stale\"}")
                .post("/api/v1/calls/" + callId + "/amendments").then().statusCode(412)
                .body("type", equalTo("https://ardesk.dev/problems/stale-etag"));
        given().auth().oauth2(OTHER_CALLER).contentType(ContentType.JSON)
                .body("{\"changes\":{\"notes\":\"mine now\"},\"reason\":\"x\"}")
                .post("/api/v1/calls/" + callId + "/amendments").then().statusCode(403);
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body("{\"changes\":{\"outcome\":\"PROMISE_TO_PAY\"},\"reason\":\"x\"}")
                .post("/api/v1/calls/" + callId + "/amendments").then().statusCode(422)
                .body("errors[0].field", equalTo("changes.outcome"));
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body("{\"changes\":{\"referenceNumber\":\"CR-7718\"},\"reason\":\"no-op\"}")
                .post("/api/v1/calls/" + callId + "/amendments").then().statusCode(422);
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body("{\"changes\":{\"notes\":\"ok\"}}")
                .post("/api/v1/calls/" + callId + "/amendments").then().statusCode(400)
                .body("errors.field", hasItem("reason"));
    }

    @Test
    void callsAreAppendOnlyAndRolesAreChecked() {
        given().get("/api/v1/calls").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(INTEGRATION).contentType(ContentType.JSON)
                .body(call("P100", List.of(UUID.randomUUID()), "IN_PROCESS", null))
                .post("/api/v1/calls").then().statusCode(403);
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).body("{}")
                .put("/api/v1/calls/" + UUID.randomUUID()).then().statusCode(405);
        given().auth().oauth2(CALLER).delete("/api/v1/calls/" + UUID.randomUUID()).then().statusCode(405);
    }
}
