package com.ardesk.claims.claim;

import com.ardesk.claims.support.ClaimsInfra;
import com.ardesk.devstack.Money;
import com.ardesk.devstack.TopicProbe;
import com.ardesk.events.EventJson;
import com.ardesk.events.Topics;
import com.ardesk.kit.auth.VerifiedTokens;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.ardesk.claims.support.ClaimFixtures.*;
import static com.ardesk.devstack.Money.money;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@ClaimsInfra
class ClaimResourceTest {
    @BeforeEach
    void payers() {
        payer("MCR-C");
    }

    @Test
    void createAnswers201WithEveryAmountAgingAndDeadline() {
        String id = given().config(Money.exact()).auth().oauth2(PM).contentType(ContentType.JSON).body(claim(PRACTICE, "C-1", "MCR-C", 45))
                .post("/api/v1/claims")
                .then().statusCode(201).header("Location", notNullValue()).header("ETag", notNullValue())
                .body("status", equalTo("SUBMITTED")).body("billedAmount", money("280.50"))
                .extract().path("claimId");

        given().config(Money.exact()).auth().oauth2(CALLER).get("/api/v1/claims/" + id).then().statusCode(200)
                .body("balance", money("280.50")).body("paidAmount", money("0.00")).body("agingDays", equalTo(45))
                .body("agingBucket", equalTo("31-60")).body("agingBasis", equalTo("FIRST_BILLED"))
                .body("timelyFilingDeadline", equalTo(today().minusDays(45).plusDays(365).toString()))
                .body("lines", hasSize(2)).body("lines[0].modifiers", hasItems("25"))
                .body("patient.lastName", equalTo("Lopez"));
    }

    @Test
    void duplicateExternalIdIs409() {
        create("C-DUP", "MCR-C", 10);
        given().auth().oauth2(PM).contentType(ContentType.JSON).body(claim(PRACTICE, "C-DUP", "MCR-C", 10))
                .post("/api/v1/claims").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://ardesk.dev/problems/duplicate-claim"));
    }

    @Test
    void invalidClaimListsEveryViolationAndStoresNothing() {
        Map<String, Object> body = claim(PRACTICE, "C-BAD", "NO-SUCH-PAYER", 5);
        body.put("providerNpi", "1234567890");
        line(body, 0).put("procedureCode", "9921");
        line(body, 0).put("chargeAmount", new BigDecimal("185.001"));
        given().auth().oauth2(PM).contentType(ContentType.JSON).body(body).post("/api/v1/claims")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("providerNpi", "payerId", "lines[0].procedureCode", "lines[0].chargeAmount"));
        given().auth().oauth2(CALLER).queryParam("practiceId", PRACTICE).get("/api/v1/claims")
                .then().body("items.externalClaimId", org.hamcrest.Matchers.not(hasItems("C-BAD")));
    }

    @Test
    void futureServiceDateAndWrongTypesAre400() {
        given().auth().oauth2(PM).contentType(ContentType.JSON).body(claim(PRACTICE, "C-FUT", "MCR-C", -3))
                .post("/api/v1/claims").then().statusCode(400).body("errors.field", hasItems("serviceDateFrom", "serviceDateTo"));
        Map<String, Object> wordForNumber = claim(PRACTICE, "C-TYPE", "MCR-C", 3);
        line(wordForNumber, 0).put("units", "one");
        given().auth().oauth2(PM).contentType(ContentType.JSON).body(wordForNumber)
                .post("/api/v1/claims").then().statusCode(400).body("errors[0].field", equalTo("lines[0].units"));
        Map<String, Object> huge = claim(PRACTICE, "C-HUGE", "MCR-C", 3);
        line(huge, 0).put("units", new BigDecimal("1e400"));
        given().auth().oauth2(PM).contentType(ContentType.JSON).body(huge)
                .post("/api/v1/claims").then().statusCode(400);
    }

    @Test
    void anotherPracticesClaimIs404() {
        String id = create("C-TEN", "MCR-C", 5);
        given().auth().oauth2(OUTSIDER).get("/api/v1/claims/" + id).then().statusCode(404)
                .body("type", equalTo("https://ardesk.dev/problems/not-found"));
        given().auth().oauth2(OUTSIDER).contentType(ContentType.JSON).body(claim(PRACTICE, "C-TEN2", "MCR-C", 5))
                .post("/api/v1/claims").then().statusCode(404);
        given().auth().oauth2(CALLER).get("/api/v1/claims/not-a-uuid").then().statusCode(404);
        given().auth().oauth2(CALLER).get("/api/v1/claims/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void upsertReplayedThreeTimesCreatesOneClaimAndOneEventSet() {
        Map<String, Object> body = claim(PRACTICE, "C-UPS", "MCR-C", 20);
        given().auth().oauth2(PM).contentType(ContentType.JSON).body(body)
                .put("/api/v1/practices/P100/claims/C-UPS").then().statusCode(201).header("X-Upsert-Result", "created");
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(PM).contentType(ContentType.JSON).body(body)
                    .put("/api/v1/practices/P100/claims/C-UPS").then().statusCode(200).header("X-Upsert-Result", "unchanged");
        }
        Map<String, Object> changed = claim(PRACTICE, "C-UPS", "MCR-C", 20);
        line(changed, 1).put("chargeAmount", "99.00");
        given().config(Money.exact()).auth().oauth2(PM).contentType(ContentType.JSON).body(changed)
                .put("/api/v1/practices/P100/claims/C-UPS").then().statusCode(200).header("X-Upsert-Result", "updated")
                .body("billedAmount", money("284.00"));

        List<String> events = TopicProbe.read(bootstrap(), Topics.CLAIMS,
                v -> EventJson.read(v).type().equals("ClaimChanged")
                        && EventJson.read(v).payload().path("externalClaimId").asText().equals("C-UPS"),
                2, Duration.ofSeconds(30), Duration.ofSeconds(2));
        assertThat(events).hasSize(2);
    }

    @Inject
    JWTParser tokenParser;

    @Test
    void theServiceVerifiesTokensThroughTheRememberingParser() {
        assertThat(tokenParser).isInstanceOf(VerifiedTokens.class);
    }

    @Test
    void upsertBodyMustMatchThePath() {
        given().auth().oauth2(PM).contentType(ContentType.JSON).body(claim(PRACTICE, "C-OTHER", "MCR-C", 20))
                .put("/api/v1/practices/P100/claims/C-PATH").then().statusCode(400)
                .body("errors[0].field", equalTo("externalClaimId"));
    }

    @Test
    void batchOfAThousandWithThreeBadItemsLands997() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            items.add(claim(i == 500 ? OTHER_PRACTICE : PRACTICE, "B-" + i, "MCR-C", 30));
        }
        items.get(10).put("providerNpi", "1111111111");
        items.get(999).put("payerId", "UNKNOWN");
        given().auth().oauth2(PM).contentType(ContentType.JSON).body(Map.of("claims", items))
                .post("/api/v1/claims/batch").then().statusCode(200)
                .body("created", equalTo(997)).body("rejected", equalTo(3))
                .body("items[10].result", equalTo("rejected")).body("items[10].problem.errors[0].field", equalTo("providerNpi"))
                .body("items[500].problem.status", equalTo(404))
                .body("items[999].problem.errors[0].field", equalTo("payerId"))
                .body("items[11].result", equalTo("created"));

        given().auth().oauth2(PM).contentType(ContentType.JSON).body(Map.of("claims", items.subList(0, 2)))
                .post("/api/v1/claims/batch").then().statusCode(200).body("unchanged", equalTo(2));
        given().auth().oauth2(PM).contentType(ContentType.JSON).body(Map.of("claims", List.of()))
                .post("/api/v1/claims/batch").then().statusCode(400).body("errors[0].field", equalTo("claims"));
    }

    @Test
    void batchStoresNewAndKnownClaimsTogetherAndAPmIdSentTwiceEndsAsItsLastCopy() {
        given().auth().oauth2(PM).contentType(ContentType.JSON).body(claim(PRACTICE, "BM-KNOWN", "MCR-C", 10))
                .put("/api/v1/practices/P100/claims/BM-KNOWN").then().statusCode(201);
        Map<String, Object> knownChanged = claim(PRACTICE, "BM-KNOWN", "MCR-C", 10);
        line(knownChanged, 1).put("chargeAmount", "90.00");
        Map<String, Object> first = claim(PRACTICE, "BM-TWICE", "MCR-C", 12);
        Map<String, Object> second = claim(PRACTICE, "BM-TWICE", "MCR-C", 12);
        line(second, 1).put("chargeAmount", "99.99");
        var answer = given().auth().oauth2(PM).contentType(ContentType.JSON)
                .body(Map.of("claims", List.of(knownChanged, first, second)))
                .post("/api/v1/claims/batch").then().statusCode(200)
                .body("created", equalTo(1)).body("updated", equalTo(2))
                .body("items.result", contains("updated", "created", "updated")).extract();
        String twice = answer.path("items[1].claimId");
        assertThat((String) answer.path("items[2].claimId")).isEqualTo(twice);

        given().config(Money.exact()).auth().oauth2(PM).get("/api/v1/claims/" + twice).then().statusCode(200)
                .body("billedAmount", money("284.99")).body("balance", money("284.99")).body("status", equalTo("SUBMITTED"))
                .body("lines", hasSize(2)).body("lines[0].procedureCode", equalTo("99214"))
                .body("lines[0].modifiers", contains("25")).body("lines[0].diagnosisCodes", contains("E11.9", "I10"))
                .body("lines[1].chargeAmount", money("99.99")).header("ETag", equalTo("\"1\""));

        List<String> events = TopicProbe.read(bootstrap(), Topics.CLAIMS,
                v -> EventJson.read(v).type().equals("ClaimChanged")
                        && EventJson.read(v).payload().path("externalClaimId").asText().equals("BM-TWICE"),
                2, Duration.ofSeconds(30), Duration.ofSeconds(2));
        assertThat(events).hasSize(2);
        assertThat(EventJson.read(events.get(1)).payload().path("billedAmount").decimalValue())
                .isEqualByComparingTo("284.99");
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswerAndRefusesAnotherBody() {
        Map<String, Object> body = claim(PRACTICE, "C-IDEM", "MCR-C", 8);
        String first = given().auth().oauth2(PM).contentType(ContentType.JSON).header("Idempotency-Key", "k-idem-1").body(body)
                .post("/api/v1/claims").then().statusCode(201).extract().path("claimId");
        given().auth().oauth2(PM).contentType(ContentType.JSON).header("Idempotency-Key", "k-idem-1").body(body)
                .post("/api/v1/claims").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("claimId", equalTo(first));
        given().auth().oauth2(PM).contentType(ContentType.JSON).header("Idempotency-Key", "k-idem-1")
                .body(claim(PRACTICE, "C-IDEM-2", "MCR-C", 8))
                .post("/api/v1/claims").then().statusCode(422)
                .body("type", equalTo("https://ardesk.dev/problems/idempotency-key-reused"));
    }

    @Test
    void listFiltersSortsAndPages() {
        payer("LIST-P");
        create("L-1", "LIST-P", 10);
        create("L-2", "LIST-P", 100);
        create("L-3", "LIST-P", 200);
        given().auth().oauth2(CALLER).queryParam("payerId", "LIST-P").queryParam("agingBucket", "91-120")
                .get("/api/v1/claims").then().statusCode(200).body("items.externalClaimId", equalTo(List.of("L-2")));
        given().auth().oauth2(CALLER).queryParam("payerId", "LIST-P").queryParam("sort", "aging")
                .get("/api/v1/claims").then().body("items.externalClaimId", equalTo(List.of("L-3", "L-2", "L-1")));
        String cursor = given().auth().oauth2(CALLER).queryParam("payerId", "LIST-P").queryParam("sort", "aging")
                .queryParam("limit", 2).get("/api/v1/claims").then().body("items", hasSize(2)).extract().path("nextCursor");
        given().auth().oauth2(CALLER).queryParam("payerId", "LIST-P").queryParam("sort", "aging").queryParam("limit", 2)
                .queryParam("cursor", cursor).get("/api/v1/claims").then()
                .body("items.externalClaimId", equalTo(List.of("L-1"))).body("nextCursor", equalTo(null));
        given().auth().oauth2(CALLER).queryParam("status", "NOPE").get("/api/v1/claims").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        given().auth().oauth2(CALLER).queryParam("agingBucket", "1-2").get("/api/v1/claims").then().statusCode(400);
        given().auth().oauth2(CALLER).queryParam("practiceId", OTHER_PRACTICE).get("/api/v1/claims").then().statusCode(404);
    }

    @Test
    void rolesAreChecked() {
        given().contentType(ContentType.JSON).body(claim(PRACTICE, "C-ANON", "MCR-C", 5)).post("/api/v1/claims")
                .then().statusCode(401);
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).body(Map.of("claims", List.of())).post("/api/v1/claims/batch")
                .then().statusCode(403);
    }

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    @Test
    void aBooleanFilterThatIsNotTrueOrFalseIs400NamingIt() {
        given().auth().oauth2(CALLER).queryParam("practiceId", PRACTICE).queryParam("denied", "maybe").get("/api/v1/claims")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("denied"));
        given().auth().oauth2(CALLER).queryParam("practiceId", PRACTICE).queryParam("denied", "false").get("/api/v1/claims")
                .then().statusCode(200);
    }

    @Test
    void upsertWithAStaleIfMatchIs412AndChangesNothing() {
        io.restassured.response.Response created = given().auth().oauth2(PM).contentType(ContentType.JSON)
                .body(claim(PRACTICE, "C-IFM", "MCR-C", 20))
                .put("/api/v1/practices/" + PRACTICE + "/claims/C-IFM").then().statusCode(201).extract().response();
        String etag = created.header("ETag");
        String claimId = created.path("claimId");
        Map<String, Object> newer = claim(PRACTICE, "C-IFM", "MCR-C", 21);
        given().auth().oauth2(PM).contentType(ContentType.JSON).header("If-Match", etag).body(newer)
                .put("/api/v1/practices/" + PRACTICE + "/claims/C-IFM").then().statusCode(200)
                .header("X-Upsert-Result", "updated");
        // the first ETag is stale now: the older body must not overwrite the newer one
        given().auth().oauth2(PM).contentType(ContentType.JSON).header("If-Match", etag)
                .body(claim(PRACTICE, "C-IFM", "MCR-C", 20))
                .put("/api/v1/practices/" + PRACTICE + "/claims/C-IFM").then().statusCode(412)
                .contentType("application/problem+json").body("type", equalTo("https://ardesk.dev/problems/stale-etag"));
        given().auth().oauth2(CALLER).get("/api/v1/claims/" + claimId).then().statusCode(200)
                .body("serviceDateFrom", equalTo(today().minusDays(21).toString()));
        given().auth().oauth2(PM).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(claim(PRACTICE, "C-IFM-NEW", "MCR-C", 20))
                .put("/api/v1/practices/" + PRACTICE + "/claims/C-IFM-NEW").then().statusCode(412);
        given().auth().oauth2(PM).contentType(ContentType.JSON).body(claim(PRACTICE, "C-IFM-NEW", "MCR-C", 20))
                .put("/api/v1/practices/" + PRACTICE + "/claims/C-IFM-NEW").then().statusCode(201);
    }
}
