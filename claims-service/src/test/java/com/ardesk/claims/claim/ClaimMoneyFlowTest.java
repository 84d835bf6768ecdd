package com.ardesk.claims.claim;

import com.ardesk.claims.support.ClaimsInfra;
import com.ardesk.devstack.Money;
import com.ardesk.devstack.TopicProbe;
import com.ardesk.events.EventJson;
import com.ardesk.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.ardesk.claims.support.ClaimFixtures.*;
import static com.ardesk.devstack.Money.money;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/** Denials, payments, appeals and write-offs on one claim, end to end through the API and the outbox. */
@QuarkusTest
@ClaimsInfra
class ClaimMoneyFlowTest {
    @BeforeEach
    void payers() {
        payer("MCR-F");
    }

    private static Map<String, Object> deny(String id, String group, String carc, String deniedOn) {
        return Map.of("groupCode", group, "reasonCode", carc, "remarkCodes", List.of("N54"),
                "amount", new BigDecimal("280.50"), "deniedOn", deniedOn);
    }

    private static Map<String, Object> payment(String amount, String method, String reference) {
        return Map.of("amount", new BigDecimal(amount), "paidOn", today().toString(), "method", method, "reference", reference);
    }

    @Test
    void denialGetsCategoryAndAppealDeadlineAndIsPublishedOnce() {
        String id = create("F-DENY", "MCR-F", 40);
        String deniedOn = today().minusDays(3).toString();
        String location = given().config(Money.exact()).auth().oauth2(CALLER).contentType(ContentType.JSON).body(deny(id, "CO", "197", deniedOn))
                .post("/api/v1/claims/" + id + "/denials").then().statusCode(201)
                .body("claimId", equalTo(id)).body("denialId", notNullValue())
                .body("category", equalTo("AUTHORIZATION")).body("groupCode", equalTo("CO"))
                .body("amount", money("280.50")).body("remarkCodes", hasSize(1))
                .body("appealDeadline", equalTo(today().minusDays(3).plusDays(120).toString()))
                .body("status", org.hamcrest.Matchers.nullValue())
                .extract().header("Location");
        assertThat(location).contains("/api/v1/claims/" + id + "/denials/");
        given().auth().oauth2(CALLER).get(java.net.URI.create(location).getPath()).then().statusCode(200)
                .body("category", equalTo("AUTHORIZATION"))
                .body("appealDeadline", equalTo(today().minusDays(3).plusDays(120).toString()));
        given().auth().oauth2(CALLER).get("/api/v1/claims/" + id + "/denials").then().statusCode(200)
                .body("", hasSize(1)).body("[0].reasonCode", equalTo("197"));
        given().auth().oauth2(CALLER).get("/api/v1/claims/" + id).then()
                .body("status", equalTo("DENIED")).body("denials", hasSize(1))
                .body("appealDeadline", equalTo(today().minusDays(3).plusDays(120).toString()));
        given().auth().oauth2(OUTSIDER).get("/api/v1/claims/" + id + "/denials").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(CALLER).get("/api/v1/claims/" + id + "/denials/" + UUID.randomUUID()).then().statusCode(404)
                .body("type", equalTo("https://ardesk.dev/problems/not-found"));

        List<String> denied = TopicProbe.read(ClaimResourceTest.bootstrap(), Topics.CLAIMS,
                v -> EventJson.read(v).type().equals("ClaimDenied") && EventJson.read(v).payload().path("claimId").asText().equals(id),
                1, Duration.ofSeconds(30), Duration.ofSeconds(2));
        assertThat(denied).hasSize(1);
        assertThat(EventJson.read(denied.get(0)).practiceId()).isEqualTo(PRACTICE);
    }

    @Test
    void contractualAdjustmentIsNotADenial() {
        String id = create("F-CO45", "MCR-F", 40);
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).body(deny(id, "CO", "45", today().toString()))
                .post("/api/v1/claims/" + id + "/denials").then().statusCode(422)
                .body("type", equalTo("https://ardesk.dev/problems/not-a-denial")).body("errors[0].field", equalTo("reasonCode"));
        given().auth().oauth2(CALLER).get("/api/v1/claims/" + id).then().body("status", equalTo("SUBMITTED"));
    }

    @Test
    void paymentsMoveTheBalanceExactlyToPartiallyPaidThenPaidAndOverpaymentIsKept() {
        String id = create("F-PAY", "MCR-F", 40);
        given().config(Money.exact()).auth().oauth2(PM).contentType(ContentType.JSON).body(Map.of("amount", new BigDecimal("100.10"), "paidOn", today().toString(), "method", "EFT", "reference", "EFT-1",
                        "adjustments", List.of(
                                Map.of("groupCode", "CO", "reasonCode", "45", "amount", new BigDecimal("50.00")),
                                Map.of("groupCode", "PR", "reasonCode", "2", "amount", new BigDecimal("30.00")))))
                .post("/api/v1/claims/" + id + "/payments").then().statusCode(201)
                .body("status", equalTo("PARTIALLY_PAID")).body("paidAmount", money("100.10"))
                .body("adjustmentAmount", money("50.00")).body("patientResponsibility", money("30.00"))
                .body("balance", money("100.40")).body("payments[0].adjustments", hasSize(2));
        given().config(Money.exact()).auth().oauth2(PM).contentType(ContentType.JSON)
                .body(payment("100.41", "CHECK", "CHK-2"))
                .post("/api/v1/claims/" + id + "/payments").then().statusCode(201)
                .body("status", equalTo("PAID")).body("balance", money("-0.01")).body("creditBalance", equalTo(true));
    }

    @Test
    void invalidPaymentIs400AndAClosedClaimRefusesMoneyNamingBothStates() {
        String id = create("F-BADPAY", "MCR-F", 40);
        given().auth().oauth2(PM).contentType(ContentType.JSON)
                .body("{\"amount\":-1,\"paidOn\":\"2199-01-01\",\"method\":\"CASH\"}")
                .post("/api/v1/claims/" + id + "/payments").then().statusCode(400).body("errors[0].field", equalTo("method"));
        given().auth().oauth2(PM).contentType(ContentType.JSON).body("{\"amount\":-1,\"paidOn\":\"2199-01-01\"}")
                .post("/api/v1/claims/" + id + "/payments").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("amount", "paidOn", "method"));

        given().config(Money.exact()).auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body("{\"reason\":\"uncollectible\"}")
                .post("/api/v1/claims/" + id + "/write-off").then().statusCode(201).body("status", equalTo("WRITTEN_OFF"))
                .body("balance", money("0.00")).body("writtenOffAmount", money("280.50"));
        given().auth().oauth2(PM).contentType(ContentType.JSON)
                .body(Map.of("amount", new BigDecimal("1.00"), "paidOn", today().toString(), "method", "CHECK"))
                .post("/api/v1/claims/" + id + "/payments").then().statusCode(409)
                .body("detail", containsString("WRITTEN_OFF")).body("detail", containsString("PAID"));
    }

    @Test
    void writeOffIsForSupervisorsAndCannotExceedTheBalance() {
        String id = create("F-WO", "MCR-F", 40);
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                .post("/api/v1/claims/" + id + "/write-off").then().statusCode(403);
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body("{\"reason\":\"x\",\"amount\":1000}")
                .post("/api/v1/claims/" + id + "/write-off").then().statusCode(422);
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body("{\"amount\":10}")
                .post("/api/v1/claims/" + id + "/write-off").then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().config(Money.exact()).auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body("{\"reason\":\"small balance\",\"amount\":0.50}")
                .post("/api/v1/claims/" + id + "/write-off").then().statusCode(201).body("status", equalTo("SUBMITTED"))
                .body("balance", money("280.00"));
    }

    @Test
    void appealNeedsADenialAndMustBeFiledByTheDeadline() {
        String undenied = create("F-APP0", "MCR-F", 40);
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).body("{\"level\":1}")
                .post("/api/v1/claims/" + undenied + "/appeals").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://ardesk.dev/problems/invalid-transition"))
                .body("detail", containsString("SUBMITTED")).body("detail", containsString("APPEALED"));

        String late = create("F-APP1", "MCR-F", 300);
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).body(deny(late, "CO", "50", today().minusDays(200).toString()))
                .post("/api/v1/claims/" + late + "/denials").then().statusCode(201);
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).body("{\"level\":1}")
                .post("/api/v1/claims/" + late + "/appeals").then().statusCode(422)
                .body("type", equalTo("https://ardesk.dev/problems/appeal-deadline-passed"));

        String ok = create("F-APP2", "MCR-F", 40);
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).body(deny(ok, "CO", "16", today().minusDays(5).toString()))
                .post("/api/v1/claims/" + ok + "/denials").then().statusCode(201);
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).body("{\"level\":1,\"notes\":\"records attached\"}")
                .post("/api/v1/claims/" + ok + "/appeals").then().statusCode(201).body("status", equalTo("APPEALED"))
                .body("appeals[0].deadline", equalTo(today().minusDays(5).plusDays(120).toString()));
    }

    @Test
    void anAppealWithoutABodyIsLevelOneFiledToday() {
        // api.md gives every field of the body a default, so the body itself is optional
        String id = create("F-APP3", "MCR-F", 40);
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).body(deny(id, "CO", "16", today().minusDays(5).toString()))
                .post("/api/v1/claims/" + id + "/denials").then().statusCode(201);
        given().auth().oauth2(CALLER).contentType(ContentType.JSON)
                .post("/api/v1/claims/" + id + "/appeals").then().statusCode(201).body("status", equalTo("APPEALED"))
                .body("appeals[0].level", equalTo(1)).body("appeals[0].filedOn", equalTo(today().toString()));
    }

    @Test
    void staleIfMatchIs412AndChangesNothing() {
        String id = create("F-ETAG", "MCR-F", 40);
        given().auth().oauth2(PM).contentType(ContentType.JSON).header("If-Match", "\"41\"")
                .body(Map.of("amount", new BigDecimal("1.00"), "paidOn", today().toString(), "method", "CHECK"))
                .post("/api/v1/claims/" + id + "/payments").then().statusCode(412);
        String etag = given().config(Money.exact()).auth().oauth2(CALLER).get("/api/v1/claims/" + id).then().body("paidAmount", money("0.00"))
                .extract().header("ETag");
        given().auth().oauth2(PM).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("amount", new BigDecimal("1.00"), "paidOn", today().toString(), "method", "CHECK"))
                .post("/api/v1/claims/" + id + "/payments").then().statusCode(201);
    }

    @Test
    void manualStatusMovesFollowTheTableAndAnImpossibleOneNamesBothStates() {
        String id = create("F-STATUS", "MCR-F", 40);
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).body("{\"status\":\"IN_PROCESS\",\"reason\":\"payer has it\"}")
                .post("/api/v1/claims/" + id + "/status").then().statusCode(200).body("status", equalTo("IN_PROCESS"));
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).body("{\"status\":\"PAID\"}")
                .post("/api/v1/claims/" + id + "/status").then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).body("{\"status\":\"CLOSED\"}")
                .post("/api/v1/claims/" + id + "/status").then().statusCode(200);
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).body("{\"status\":\"IN_PROCESS\"}")
                .post("/api/v1/claims/" + id + "/status").then().statusCode(409)
                .body("type", equalTo("https://ardesk.dev/problems/invalid-transition"))
                .body("detail", containsString("CLOSED")).body("detail", containsString("IN_PROCESS"));
    }
}
