package com.ardesk.calls.report;

import com.ardesk.calls.claim.ClaimEventHandler;
import com.ardesk.calls.support.CallsInfra;
import com.ardesk.calls.support.Claims;
import com.ardesk.devstack.DevTokens;
import com.ardesk.devstack.Money;
import com.ardesk.kit.consumer.EventConsumerRunner;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@CallsInfra
class ReportResourceTest {
    static final String ANN = DevTokens.token("ann", List.of("caller"), List.of("P777"));
    static final String BOB = DevTokens.token("bob", List.of("caller"), List.of("P777"));
    static final String SUPERVISOR = DevTokens.token("super-7", List.of("supervisor"), List.of("P777"));

    @Inject
    EventConsumerRunner runner;
    @Inject
    ClaimEventHandler handler;

    String log(String token, UUID claimId, String payer, String startedAt, int seconds, String outcome,
               Map<String, Object> promise) {
        Map<String, Object> call = new LinkedHashMap<>(Map.of("practiceId", "P777", "payerId", payer,
                "claimIds", List.of(claimId), "startedAt", startedAt, "durationSeconds", seconds, "outcome", outcome));
        if (promise != null) {
            call.put("promise", promise);
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(call)
                .post("/api/v1/calls").then().statusCode(201).extract().path("callId");
    }

    @Test
    void reportGroupsCallsAndComputesRatesInSql() {
        UUID c1 = UUID.randomUUID();
        UUID c2 = UUID.randomUUID();
        runner.apply(handler, Claims.changed("P777", c1, "AETNA", 1));
        runner.apply(handler, Claims.changed("P777", c2, "CIGNA", 1));
        String promised = log(ANN, c1, "AETNA", "2026-03-02T14:00:00Z", 600, "PROMISE_TO_PAY",
                Map.of("amount", "100.00", "expectedOn", LocalDate.now().plusDays(10).toString(), "method", "EFT"));
        String second = log(ANN, c2, "CIGNA", "2026-03-03T14:00:00Z", 300, "IN_PROCESS", null);
        log(BOB, c2, "CIGNA", "2026-03-03T15:00:00Z", 0, "NO_ANSWER", null);
        log(BOB, c2, "CIGNA", "2026-04-15T15:00:00Z", 60, "NO_ANSWER", null);
        runner.apply(handler, Claims.paid("P777", c1, "100.00", null, LocalDate.now()));
        for (String call : List.of(promised, second)) {
            given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body(Map.of("score", call.equals(promised) ? 5 : 4))
                    .post("/api/v1/calls/" + call + "/reviews").then().statusCode(201);
        }

        given().config(Money.exact()).auth().oauth2(SUPERVISOR).queryParam("practiceId", "P777").queryParam("from", "2026-03-01")
                .queryParam("to", "2026-03-31").queryParam("groupBy", "caller")
                .get("/api/v1/reports/calls").then().statusCode(200)
                .body("rows.key", contains("ann", "bob"))
                .body("rows[0].calls", equalTo(2)).body("rows[0].talkSeconds", equalTo(900))
                .body("rows[0].callsPerHour", comparesEqualTo(new BigDecimal("8.0")))
                .body("rows[0].outcomeMix.PROMISE_TO_PAY", equalTo(1)).body("rows[0].outcomeMix.IN_PROCESS", equalTo(1))
                .body("rows[0].promisesMade", equalTo(1)).body("rows[0].promisesKept", equalTo(1))
                .body("rows[0].promiseKeptRate", comparesEqualTo(new BigDecimal("1.0"))).body("rows[0].averageReviewScore", comparesEqualTo(new BigDecimal("4.5")))
                .body("rows[1].calls", equalTo(1)).body("rows[1].callsPerHour", nullValue())
                .body("rows[1].promiseKeptRate", nullValue()).body("rows[1].averageReviewScore", nullValue())
                .body("totals.calls", equalTo(3)).body("totals.outcomeMix.NO_ANSWER", equalTo(1))
                .body("totals.reviews", equalTo(2));

        given().auth().oauth2(SUPERVISOR).queryParam("from", "2026-03-01").queryParam("to", "2026-03-31")
                .queryParam("groupBy", "day").get("/api/v1/reports/calls").then().statusCode(200)
                .body("rows.key", contains("2026-03-02", "2026-03-03")).body("rows[1].calls", equalTo(2));
        given().auth().oauth2(SUPERVISOR).queryParam("from", "2026-03-01").queryParam("to", "2026-04-30")
                .queryParam("groupBy", "payer").get("/api/v1/reports/calls").then().statusCode(200)
                .body("rows.key", contains("AETNA", "CIGNA")).body("rows[1].calls", equalTo(3));
        given().auth().oauth2(SUPERVISOR).queryParam("from", "2026-03-01").queryParam("to", "2026-03-31")
                .queryParam("groupBy", "outcome").get("/api/v1/reports/calls").then().statusCode(200)
                .body("rows", hasSize(3));
    }

    @Test
    void badParametersAre400OtherPracticesAre404AndCallersAre403() {
        given().auth().oauth2(SUPERVISOR).queryParam("groupBy", "mood").get("/api/v1/reports/calls").then()
                .statusCode(400).body("errors[0].field", equalTo("groupBy"));
        given().auth().oauth2(SUPERVISOR).queryParam("from", "2026-04-01").queryParam("to", "2026-03-01")
                .get("/api/v1/reports/calls").then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(SUPERVISOR).queryParam("from", "March").get("/api/v1/reports/calls").then()
                .statusCode(400).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(SUPERVISOR).queryParam("practiceId", "P100").get("/api/v1/reports/calls").then()
                .statusCode(404);
        given().auth().oauth2(ANN).get("/api/v1/reports/calls").then().statusCode(403);
    }
}
