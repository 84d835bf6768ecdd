package com.ardesk.claims.status;

import com.ardesk.claims.support.ClaimsInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static com.ardesk.claims.support.ClaimFixtures.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** GET /api/v1/claims/{claimId}/payer-status: the contract a claim screen reads the payer's word from. */
@QuarkusTest
@ClaimsInfra
class PayerStatusResourceTest {

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static void post(String path, String file) {
        given().auth().oauth2(PM).contentType("application/edi-x12").body(file.getBytes(StandardCharsets.UTF_8))
                .post(path).then().statusCode(200);
    }

    static JsonPath payerStatus(String token, String claimId) {
        return given().auth().oauth2(token).get("/api/v1/claims/" + claimId + "/payer-status").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
    }

    @Test
    void theLatestStatusOfTheSample277caSaysWhatToFixAndTheHistoryKeepsEarlierOnes() {
        payer("SHP01");
        String acceptedId = unique("PS-ACC");
        String rejectedId = unique("PS-REJ");
        String accepted = create(acceptedId, "SHP01", 20);
        String rejected = create(rejectedId, "SHP01", 20);
        post("/api/v1/acknowledgments", Sample277.resource("277ca/accepted-and-rejected.277")
                .replace("PM-SAMPLE-0001", acceptedId).replace("PM-SAMPLE-0002", rejectedId));

        JsonPath rejection = payerStatus(CALLER, rejected);
        assertThat(rejection.getString("claimId")).isEqualTo(rejected);
        assertThat(rejection.getString("latest.source")).isEqualTo("277CA");
        assertThat(rejection.getString("latest.statusCategory")).isEqualTo("A3");
        assertThat(rejection.getList("latest.statusCodes")).containsExactly("A3:21:85", "A7:562:85");
        assertThat(rejection.getString("latest.actionCode")).isEqualTo("U");
        assertThat(rejection.getBoolean("latest.rejected")).isTrue();
        assertThat(rejection.getString("latest.effectiveOn")).isEqualTo("2026-11-20");
        assertThat(new BigDecimal(rejection.getString("latest.amount"))).isEqualByComparingTo(new BigDecimal("280.50"));
        assertThat(rejection.getString("latest.trace")).isEqualTo(rejectedId);
        assertThat(rejection.getString("latest.receivedAt")).isNotBlank();
        assertThat(rejection.getList("history")).hasSize(1);

        JsonPath acceptance = payerStatus(SUPERVISOR, accepted);
        assertThat(acceptance.getList("latest.statusCodes")).containsExactly("A2:20");
        assertThat(acceptance.getBoolean("latest.rejected")).isFalse();
        assertThat(acceptance.getString("latest.actionCode")).isEqualTo("WQ");

        // a 277 status response later: it is the latest, the acknowledgment moves down the history
        post("/api/v1/claim-status", Sample277.resource("277/claim-level-status.277").replace("SE*36*0001", "SE*38*0001")
                .replace("ABCXYZ1", acceptedId).replace("ABCXYZ2", unique("PS-NOBODY")).replace("ABCXYC3", unique("PS-NOBODY")));
        JsonPath both = payerStatus(PM, accepted);
        assertThat(both.getString("latest.source")).isEqualTo("277");
        assertThat(both.getList("latest.statusCodes")).containsExactly("P3:317");
        assertThat(both.getBoolean("latest.rejected")).isFalse();
        assertThat(both.getList("history.source")).containsExactly("277", "277CA");
        assertThat(both.getString("history[0].receivedAt")).isGreaterThanOrEqualTo(both.getString("history[1].receivedAt"));
    }

    @Test
    void aClaimThePayerSaidNothingAboutIs200WithNoLatest() {
        payer("SHP01");
        String claimId = create(unique("PS-NONE"), "SHP01", 10);
        given().auth().oauth2(CALLER).get("/api/v1/claims/" + claimId + "/payer-status").then().statusCode(200)
                .body("claimId", equalTo(claimId)).body("latest", nullValue()).body("history", equalTo(List.of()));
    }

    @Test
    void anotherPracticesClaimAnUnknownIdAndNoTokenAreProblems() {
        payer("SHP01");
        String claimId = create(unique("PS-TEN"), "SHP01", 10);
        given().auth().oauth2(OUTSIDER).get("/api/v1/claims/" + claimId + "/payer-status").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(CALLER).get("/api/v1/claims/" + UUID.randomUUID() + "/payer-status").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(CALLER).get("/api/v1/claims/not-a-uuid/payer-status").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/claims/" + claimId + "/payer-status").then().statusCode(401)
                .contentType("application/problem+json");
    }
}
