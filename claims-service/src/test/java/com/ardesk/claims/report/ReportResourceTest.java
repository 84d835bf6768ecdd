package com.ardesk.claims.report;

import com.ardesk.claims.support.ClaimsInfra;
import com.ardesk.devstack.DevTokens;
import com.ardesk.devstack.Money;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static com.ardesk.claims.support.ClaimFixtures.*;
import static com.ardesk.devstack.Money.money;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Reports on a practice of their own, so the figures can be computed by hand. */
@QuarkusTest
@ClaimsInfra
class ReportResourceTest {
    static final String P = "P300";
    static final String TOKEN = DevTokens.token("sup-3", List.of("supervisor", "integration"), List.of(P));

    private static boolean seeded;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        seeded = true;
        payer("REP-P");
        String young = newClaim("R-A", 10);
        String denied = newClaim("R-B", 100);
        String paid = newClaim("R-C", 200);
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON)
                .body(Map.of("groupCode", "CO", "reasonCode", "16", "amount", new BigDecimal("280.50"), "deniedOn", today().minusDays(5).toString()))
                .post("/api/v1/claims/" + denied + "/denials").then().statusCode(201);
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON)
                .body(Map.of("amount", new BigDecimal("280.50"), "paidOn", today().toString(), "method", "EFT", "reference", "T-1"))
                .post("/api/v1/claims/" + paid + "/payments").then().statusCode(201);
        given().auth().oauth2(TOKEN).get("/api/v1/claims/" + young).then().statusCode(200);
    }

    private static String newClaim(String id, int daysAgo) {
        return given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(claim(P, id, "REP-P", daysAgo))
                .post("/api/v1/claims").then().statusCode(201).extract().path("claimId");
    }

    @Test
    void arAgingTotalsOpenArByBucketAndPayer() {
        given().config(Money.exact()).auth().oauth2(TOKEN).queryParam("practiceId", P).get("/api/v1/reports/ar-aging").then().statusCode(200)
                .body("count", equalTo(2)).body("balance", money("561.00")).body("basis", equalTo("FIRST_BILLED"))
                .body("buckets.find { it.bucket == '0-30' }.count", equalTo(1))
                .body("buckets.find { it.bucket == '91-120' }.balance", money("280.50"))
                .body("buckets.find { it.bucket == '120+' }.count", equalTo(0))
                .body("byPayer[0].payerId", equalTo("REP-P")).body("byPayer[0].count", equalTo(2));
    }

    @Test
    void kpisMatchTheHandComputedFigures() {
        given().config(Money.exact()).auth().oauth2(TOKEN).queryParam("practiceId", P).get("/api/v1/reports/kpis").then().statusCode(200)
                .body("totalAr", money("561.00"))
                .body("daysInAr", comparesEqualTo(new BigDecimal("180.0")))
                .body("percentArOver90", comparesEqualTo(new BigDecimal("50.0")))
                .body("adjudicatedClaims", equalTo(2)).body("deniedClaims", equalTo(1))
                .body("denialRateByCount", comparesEqualTo(new BigDecimal("50.0"))).body("denialRateByDollars", comparesEqualTo(new BigDecimal("50.0")))
                .body("denialsByCategory[0].key", equalTo("MISSING_INFO"))
                .body("denialsByPayer[0].rate", comparesEqualTo(new BigDecimal("50.0")))
                .body("netCollectionRate", comparesEqualTo(new BigDecimal("0.0")));
    }

    @Test
    void reportsNeedAVisiblePracticeAndValidParameters() {
        given().auth().oauth2(TOKEN).get("/api/v1/reports/ar-aging").then().statusCode(400).body("errors[0].field", equalTo("practiceId"));
        given().auth().oauth2(TOKEN).queryParam("practiceId", "P100").get("/api/v1/reports/ar-aging").then().statusCode(404);
        given().auth().oauth2(TOKEN).queryParam("practiceId", P).queryParam("basis", "MOON").get("/api/v1/reports/ar-aging")
                .then().statusCode(400).body("errors[0].field", equalTo("basis"));
        given().auth().oauth2(TOKEN).queryParam("practiceId", P).queryParam("from", "yesterday").get("/api/v1/reports/kpis")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(CALLER).queryParam("practiceId", "P100").get("/api/v1/reports/kpis").then().statusCode(403);
    }

    @Test
    void emptyPracticePeriodHasNoMeasurableRates() {
        given().auth().oauth2(TOKEN).queryParam("practiceId", P).queryParam("from", "2001-01-01").queryParam("to", "2001-02-01")
                .get("/api/v1/reports/kpis").then().statusCode(200).body("denialRateByCount", nullValue());
    }

    @Test
    void moneyZeroIsWrittenWithTwoDecimals() {
        String empty = DevTokens.token("sup-0", List.of("supervisor"), List.of("P-EMPTY"));
        String body = given().auth().oauth2(empty).queryParam("practiceId", "P-EMPTY").get("/api/v1/reports/kpis")
                .then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(body).contains("\"totalAr\":0.00");
        String aging = given().auth().oauth2(empty).queryParam("practiceId", "P-EMPTY").get("/api/v1/reports/ar-aging")
                .then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(aging).contains("\"balance\":0.00").doesNotContain("\"balance\":0,");
    }
}
