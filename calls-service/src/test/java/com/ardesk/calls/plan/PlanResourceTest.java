package com.ardesk.calls.plan;

import com.ardesk.calls.claim.ClaimEventHandler;
import com.ardesk.calls.promise.PromiseService;
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

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
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

@QuarkusTest
@CallsInfra
class PlanResourceTest {
    static final String CALLER = DevTokens.token("caller-1", List.of("caller"), List.of("P100"));
    static final String OTHER_CALLER = DevTokens.token("caller-2", List.of("caller"), List.of("P100"));
    static final String CALLER_B = DevTokens.token("caller-b", List.of("caller"), List.of("P200"));

    @Inject
    EventConsumerRunner runner;
    @Inject
    ClaimEventHandler handler;
    @Inject
    PromiseService promises;

    static final LocalDate FIRST = LocalDate.now().plusDays(10);

    UUID claim(String practiceId) {
        UUID claimId = UUID.randomUUID();
        runner.apply(handler, Claims.changed(practiceId, claimId, "AETNA", 1));
        return claimId;
    }

    /** A plan as JSON: installments a month apart from {@code FIRST}; amounts as decimal strings, as clients send them. */
    static Map<String, Object> plan(String practiceId, List<UUID> claims, String total, String... amounts) {
        List<Map<String, Object>> installments = new ArrayList<>();
        for (int i = 0; i < amounts.length; i++) {
            installments.add(Map.of("dueOn", FIRST.plusMonths(i).toString(), "amount", amounts[i]));
        }
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("practiceId", practiceId);
        plan.put("claimIds", claims);
        plan.put("patient", Map.of("accountNumber", "A-100234", "name", "Jordan Lee"));
        plan.put("total", total);
        plan.put("installments", installments);
        return plan;
    }

    @Test
    void eachInstallmentIsAPromiseKeptByPaymentsOnAnyClaimOfThePlan() {
        UUID first = claim("P100");
        UUID second = claim("P100");
        String planId = given().auth().oauth2(CALLER).contentType(ContentType.JSON)
                .body(plan("P100", List.of(first, second), "300.00", "100.00", "100.00", "100.00"))
                .post("/api/v1/payment-plans").then().statusCode(201)
                .body("status", equalTo("ACTIVE")).body("installments", hasSize(3))
                .body("installments.installmentNo", contains(1, 2, 3))
                .body("installments[0].payerId", equalTo("PATIENT"))
                .body("installments[0].expectedOn", equalTo(FIRST.toString()))
                .extract().path("planId");

        List<String> announced = TopicProbe.read(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                Topics.CALLS, v -> EventJson.read(v).type().equals("PromiseToPay") && v.contains(first.toString())
                        && v.contains("PATIENT"), 3, Duration.ofSeconds(30), Duration.ofSeconds(2));
        assertThat(announced).hasSize(3);

        runner.apply(handler, Claims.paid("P100", second, "100.00", null, LocalDate.now()));
        given().config(Money.exact()).auth().oauth2(CALLER).get("/api/v1/payment-plans/" + planId).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("paid", money("100.00"))
                .body("installments[0].status", equalTo("KEPT")).body("installments[1].status", equalTo("OPEN"));
        runner.apply(handler, Claims.paid("P100", first, "100.00", null, LocalDate.now()));
        runner.apply(handler, Claims.paid("P100", first, "100.00", null, LocalDate.now()));
        given().config(Money.exact()).auth().oauth2(CALLER).get("/api/v1/payment-plans/" + planId).then()
                .body("status", equalTo("COMPLETED")).body("paid", money("300.00"));

        given().auth().oauth2(CALLER).queryParam("claimId", second.toString()).get("/api/v1/payment-plans")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].planId", equalTo(planId));
        given().auth().oauth2(CALLER_B).get("/api/v1/payment-plans/" + planId).then().statusCode(404);
    }

    @Test
    void aMissedInstallmentBreaksThePlan() {
        UUID claimId = claim("P100");
        String planId = given().auth().oauth2(CALLER).contentType(ContentType.JSON)
                .body(plan("P100", List.of(claimId), "50.00", "25.00", "25.00"))
                .post("/api/v1/payment-plans").then().statusCode(201).extract().path("planId");
        String installment = given().auth().oauth2(CALLER).get("/api/v1/payment-plans/" + planId)
                .then().extract().path("installments[1].promiseId");
        given().auth().oauth2(OTHER_CALLER).contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                .post("/api/v1/promises/" + installment + "/cancel").then().statusCode(403);

        promises.sweep(FIRST.plusDays(15));
        given().auth().oauth2(CALLER).get("/api/v1/payment-plans/" + planId).then()
                .body("status", equalTo("BROKEN")).body("installments[0].status", equalTo("BROKEN"))
                .body("installments[1].status", equalTo("OPEN"));
    }

    @Test
    void installmentsThatDoNotAddUpOrGoBackInTimeAre400() {
        UUID claimId = claim("P100");
        given().auth().oauth2(CALLER).contentType(ContentType.JSON)
                .body(plan("P100", List.of(claimId), "300.00", "100.00", "100.00"))
                .post("/api/v1/payment-plans").then().statusCode(400).body("errors.field", contains("installments"));
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).body(Map.of("practiceId", "P100", "claimIds", List.of(claimId),
                        "patient", Map.of("accountNumber", "A-1"), "total", "20.00", "installments", List.of(
                                Map.of("dueOn", "2020-01-01", "amount", "10.00"), Map.of("dueOn", "2020-01-01", "amount", "10.00"))))
                .post("/api/v1/payment-plans").then().statusCode(400)
                .body("errors.field", contains("installments[0].dueOn", "installments[1].dueOn"));
        given().auth().oauth2(CALLER).contentType(ContentType.JSON)
                .body("{\"practiceId\":\"P100\",\"claimIds\":[],\"total\":0,\"installments\":[{\"amount\":\"1.001\"}]}")
                .post("/api/v1/payment-plans").then().statusCode(400)
                .body("errors.field", hasItem("claimIds")).body("errors.field", hasItem("patient"))
                .body("errors.field", hasItem("total")).body("errors.field", hasItem("installments[0].dueOn"))
                .body("errors.field", hasItem("installments[0].amount"));
    }

    @Test
    void claimsMustBeKnownAndVisible() {
        given().auth().oauth2(CALLER).contentType(ContentType.JSON)
                .body(plan("P100", List.of(UUID.randomUUID()), "10.00", "10.00"))
                .post("/api/v1/payment-plans").then().statusCode(422).body("errors[0].field", equalTo("claimIds[0]"));
        UUID ofB = claim("P200");
        // another practice's claim answers exactly like a random id
        given().auth().oauth2(CALLER).contentType(ContentType.JSON)
                .body(plan("P100", List.of(ofB), "10.00", "10.00"))
                .post("/api/v1/payment-plans").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://ardesk.dev/problems/unknown-claim"))
                .body("errors[0].field", equalTo("claimIds[0]"))
                .body("errors[0].message", equalTo("claim " + ofB + " is not known to calls-service"));
        Map<String, Object> withCall = plan("P100", List.of(claim("P100")), "10.00", "10.00");
        withCall.put("callId", UUID.randomUUID());
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).body(withCall)
                .post("/api/v1/payment-plans").then().statusCode(422).body("errors[0].field", equalTo("callId"));
    }
}
