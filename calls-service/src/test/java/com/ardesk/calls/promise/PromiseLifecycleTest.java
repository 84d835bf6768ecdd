package com.ardesk.calls.promise;

import com.ardesk.calls.claim.ClaimEventHandler;
import com.ardesk.calls.support.CallsInfra;
import com.ardesk.calls.support.Claims;
import com.ardesk.calls.support.ClaimsTopic;
import com.ardesk.devstack.DevTokens;
import com.ardesk.devstack.Money;
import com.ardesk.devstack.TopicProbe;
import com.ardesk.events.EventEnvelope;
import com.ardesk.events.EventJson;
import com.ardesk.events.Topics;
import com.ardesk.kit.consumer.EventConsumerRunner;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.ardesk.devstack.Money.money;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@CallsInfra
class PromiseLifecycleTest {
    static final String CALLER = DevTokens.token("caller-1", List.of("caller"), List.of("P100"));
    static final String OTHER_CALLER = DevTokens.token("caller-2", List.of("caller"), List.of("P100"));
    static final String CALLER_B = DevTokens.token("caller-b", List.of("caller"), List.of("P200"));
    static final String SUPERVISOR = DevTokens.token("super-1", List.of("supervisor"), List.of("P100"));

    @Inject
    EventConsumerRunner runner;
    @Inject
    ClaimEventHandler handler;
    @Inject
    PromiseService promises;
    @Inject
    AgroalDataSource dataSource;

    record Made(UUID claimId, String promiseId) {
    }

    Made promise(String amount, LocalDate expectedOn, String method, String reference) {
        UUID claimId = UUID.randomUUID();
        runner.apply(handler, Claims.changed("P100", claimId, "AETNA", 1));
        Map<String, Object> promise = new LinkedHashMap<>();
        promise.put("amount", amount);
        promise.put("expectedOn", expectedOn.toString());
        promise.put("method", method);
        if (reference != null) {
            promise.put("reference", reference);
        }
        String promiseId = given().auth().oauth2(CALLER).contentType(ContentType.JSON).body(Map.of("practiceId", "P100",
                        "payerId", "AETNA", "claimIds", List.of(claimId), "startedAt", "2026-03-02T15:04:05Z",
                        "durationSeconds", 300, "outcome", "PROMISE_TO_PAY", "promise", promise))
                .post("/api/v1/calls").then().statusCode(201).extract().path("promise.promiseId");
        return new Made(claimId, promiseId);
    }

    static List<String> onTopic(String type, String promiseId, int expected) {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        return TopicProbe.read(bootstrap, Topics.CALLS,
                v -> EventJson.read(v).type().equals(type) && v.contains(promiseId),
                expected, Duration.ofSeconds(30), Duration.ofSeconds(2));
    }

    @Test
    void theSamePaymentDeliveredTwiceKeepsThePromiseOnceAndEmitsOnePromiseKept() {
        LocalDate expectedOn = LocalDate.now().plusDays(20);
        Made made = promise("1250.00", expectedOn, "CHECK", "CHK-0048213");
        EventEnvelope payment = Claims.paid("P100", made.claimId(), "1249.50", "chk 0048213", LocalDate.now());
        runner.apply(handler, payment);
        runner.apply(handler, payment);

        given().config(Money.exact()).auth().oauth2(CALLER).get("/api/v1/promises/" + made.promiseId()).then().statusCode(200)
                .body("status", equalTo("KEPT")).body("paidAmount", money("1249.50"))
                .body("paymentId", equalTo(payment.payload().path("paymentId").asText()));
        assertThat(onTopic("PromiseKept", made.promiseId(), 1)).hasSize(1);
    }

    @Test
    void aPaymentPublishedTwiceOnKafkaKeepsThePromiseOnce() {
        Made made = promise("40.00", LocalDate.now().plusDays(20), "EFT", null);
        EventEnvelope payment = Claims.paid("P100", made.claimId(), "40.00", "EFT-1", LocalDate.now());
        ClaimsTopic.publish(made.claimId().toString(), payment, payment);

        assertThat(onTopic("PromiseKept", made.promiseId(), 1)).hasSize(1);
        given().auth().oauth2(CALLER).get("/api/v1/promises/" + made.promiseId()).then().body("status", equalTo("KEPT"));
    }

    @Test
    void aPaymentWithAnotherTraceNumberOrTooLittleLeavesThePromiseOpen() {
        Made made = promise("500.00", LocalDate.now().plusDays(20), "EFT", "TRN-777");
        runner.apply(handler, Claims.paid("P100", made.claimId(), "500.00", "TRN-778", LocalDate.now()));
        runner.apply(handler, Claims.paid("P100", made.claimId(), "100.00", "TRN-777", LocalDate.now()));
        runner.apply(handler, Claims.paid("P999", made.claimId(), "500.00", "TRN-777", LocalDate.now()));
        given().auth().oauth2(CALLER).get("/api/v1/promises/" + made.promiseId()).then().statusCode(200)
                .body("status", equalTo("OPEN"));
    }

    @Test
    void theSweepBreaksOverduePromisesOnceAndEmitsPromiseBroken() {
        // Tuesday 2026-03-10 + 2 EFT business days: still kept on Thursday the 12th, broken from Friday the 13th
        Made made = promise("800.00", LocalDate.of(2026, 3, 10), "EFT", null);
        promises.sweep(LocalDate.of(2026, 3, 12));
        given().auth().oauth2(CALLER).get("/api/v1/promises/" + made.promiseId()).then()
                .body("status", equalTo("OPEN")).body("brokenAfter", equalTo("2026-03-12"));

        assertThat(promises.sweep(LocalDate.of(2026, 3, 13))).isPositive();
        promises.sweep(LocalDate.of(2026, 3, 14));
        given().auth().oauth2(CALLER).get("/api/v1/promises/" + made.promiseId()).then()
                .body("status", equalTo("BROKEN")).body("settledOn", equalTo("2026-03-13"));
        List<String> broken = onTopic("PromiseBroken", made.promiseId(), 1);
        assertThat(broken).hasSize(1);
        assertThat(EventJson.read(broken.get(0)).payload().path("brokenOn").asText()).isEqualTo("2026-03-13");

        // a payment after the promise broke does not revive it
        runner.apply(handler, Claims.paid("P100", made.claimId(), "800.00", null, LocalDate.of(2026, 3, 16)));
        given().auth().oauth2(CALLER).get("/api/v1/promises/" + made.promiseId()).then().body("status", equalTo("BROKEN"));
    }

    @Test
    void onlyOneReplicaSweepsAtATime() throws Exception {
        Made made = promise("90.00", LocalDate.of(2026, 2, 2), "CHECK", null);
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                s.execute("select pg_advisory_xact_lock(" + PromiseService.SWEEP_LOCK + ")");
            }
            assertThat(promises.sweep(LocalDate.of(2026, 6, 1))).isEqualTo(-1);
            given().auth().oauth2(CALLER).get("/api/v1/promises/" + made.promiseId()).then().body("status", equalTo("OPEN"));
            other.rollback();
        }
        assertThat(promises.sweep(LocalDate.of(2026, 6, 1))).isNotNegative();
        given().auth().oauth2(CALLER).get("/api/v1/promises/" + made.promiseId()).then().body("status", equalTo("BROKEN"));
    }

    @Test
    void theCallerCancelsAnOpenPromiseWithAReason() {
        Made made = promise("75.00", LocalDate.now().plusDays(20), "CHECK", null);
        String url = "/api/v1/promises/" + made.promiseId() + "/cancel";
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).body("{}").post(url).then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(OTHER_CALLER).contentType(ContentType.JSON).body("{\"reason\":\"x\"}").post(url)
                .then().statusCode(403);
        given().auth().oauth2(CALLER_B).contentType(ContentType.JSON).body("{\"reason\":\"x\"}").post(url)
                .then().statusCode(404);
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).header("If-Match", "\"42\"")
                .body("{\"reason\":\"x\"}").post(url).then().statusCode(412);
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).body("{\"reason\":\"payer recouped\"}").post(url)
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("cancelReason", equalTo("payer recouped"))
                .body("cancelledBy", equalTo("caller-1")).header("ETag", notNullValue());
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body("{\"reason\":\"again\"}").post(url)
                .then().statusCode(409).body("type", equalTo("https://ardesk.dev/problems/promise-not-open"));
        runner.apply(handler, Claims.paid("P100", made.claimId(), "75.00", null, LocalDate.now()));
        given().auth().oauth2(CALLER).get("/api/v1/promises/" + made.promiseId()).then().body("status", equalTo("CANCELLED"));
    }

    @Test
    void listFiltersByStatusClaimAndDueDate() {
        Made made = promise("60.00", LocalDate.now().plusDays(40), "CHECK", null);
        given().auth().oauth2(CALLER).queryParam("claimId", made.claimId().toString()).queryParam("status", "OPEN")
                .get("/api/v1/promises").then().statusCode(200).body("items", hasSize(1));
        given().auth().oauth2(CALLER).queryParam("claimId", made.claimId().toString())
                .queryParam("dueBefore", LocalDate.now().plusDays(40).toString())
                .get("/api/v1/promises").then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(CALLER).queryParam("claimId", made.claimId().toString())
                .queryParam("dueBefore", LocalDate.now().plusDays(41).toString())
                .get("/api/v1/promises").then().statusCode(200).body("items", hasSize(1));
        given().auth().oauth2(CALLER).queryParam("status", "OPEN").queryParam("limit", 2)
                .get("/api/v1/promises").then().statusCode(200).body("items.status", everyItem(equalTo("OPEN")));
        given().auth().oauth2(CALLER_B).queryParam("claimId", made.claimId().toString())
                .get("/api/v1/promises").then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(CALLER).queryParam("status", "SORT_OF").get("/api/v1/promises").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        given().auth().oauth2(CALLER).queryParam("dueBefore", "tomorrow").get("/api/v1/promises").then().statusCode(400)
                .body("errors[0].field", equalTo("dueBefore"));
    }
}
