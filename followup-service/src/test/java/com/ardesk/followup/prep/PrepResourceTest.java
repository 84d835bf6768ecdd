package com.ardesk.followup.prep;

import com.ardesk.devstack.DevTokens;
import com.ardesk.devstack.Money;
import com.ardesk.events.calls.CallScriptChanged;
import com.ardesk.events.claims.ClaimPaymentPosted;
import com.ardesk.followup.support.FollowupInfra;
import com.ardesk.followup.support.Seeder;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@FollowupInfra
class PrepResourceTest {
    static final String PRACTICE = "P-PREP";
    static final String CALLER = DevTokens.token("caller-prep", List.of("caller"), List.of(PRACTICE));
    static final String STRANGER = DevTokens.token("caller-far", List.of("caller", "supervisor"), List.of("P-FAR"));

    @Inject
    Seeder seed;

    @Test
    void packetHasClaimPayerPhoneDeadlinesDenialsCallsPromisesTasksAndAHint() {
        seed.payer("PAYER-PREP", "Cigna", "+1-800-555-0142");
        UUID claimId = seed.claim(PRACTICE, "PAYER-PREP", "4210.00", 75);
        UUID denialId = seed.deny(PRACTICE, claimId, "AUTHORIZATION", "4210.00", Seeder.TODAY.plusDays(6));
        UUID callId = seed.call(PRACTICE, claimId, "caller-prep", "PROMISE_TO_PAY");
        UUID promiseId = seed.promise(PRACTICE, claimId, "4210.00", Seeder.TODAY.plusDays(3));

        JsonPath prep = given().auth().oauth2(CALLER).get("/api/v1/prep/" + claimId).then().statusCode(200)
                .extract().jsonPath(Money.EXACT);
        assertThat(prep.getString("claim.balance")).isEqualTo("4210.00");
        assertThat(prep.getString("claim.agingBucket")).isEqualTo("61-90");
        assertThat(prep.getString("claim.payerName")).isEqualTo("Cigna");
        assertThat(prep.getString("claim.payerPhone")).isEqualTo("+1-800-555-0142");
        assertThat(prep.getList("deadlines.kind")).containsExactly("PROMISE", "APPEAL");
        assertThat(prep.getInt("deadlines[1].daysLeft")).isEqualTo(6);
        assertThat(prep.getString("denials[0].denialId")).isEqualTo(denialId.toString());
        assertThat(prep.getList("denials[0].remarkCodes")).containsExactly("N54");
        assertThat(prep.getString("lastCalls[0].callId")).isEqualTo(callId.toString());
        assertThat(prep.getString("lastCalls[0].repName")).isEqualTo("Dana");
        assertThat(prep.getString("promises[0].promiseId")).isEqualTo(promiseId.toString());
        assertThat(prep.getString("promises[0].status")).isEqualTo("OPEN");
        assertThat(prep.getList("openTasks.type")).containsExactlyInAnyOrder("DENIAL", "APPEAL_DEADLINE", "PROMISE_CHECK");
        assertThat(prep.getString("scriptHint.denialCategory")).isEqualTo("AUTHORIZATION");
        assertThat(prep.getString("scriptHint.lastOutcome")).isEqualTo("PROMISE_TO_PAY");
    }

    @Test
    void packetCarriesThePaymentHistoryAndTheMatchingScriptWithItsRebuttals() {
        seed.payer("PAYER-SCRIPT", "Humana", "+1-800-555-0199");
        UUID claimId = seed.claim(PRACTICE, "PAYER-SCRIPT", "500.00", 40);
        UUID paymentId = UUID.randomUUID();
        seed.claimEvent(PRACTICE, new ClaimPaymentPosted(claimId, "PAYER-SCRIPT", paymentId, new BigDecimal("120.00"),
                BigDecimal.ZERO, Seeder.TODAY.minusDays(2), "CHECK", "CHK-7781", new BigDecimal("380.00"), "PARTIALLY_PAID"));
        seed.deny(PRACTICE, claimId, "MEDICAL_NECESSITY", "380.00", Seeder.TODAY.plusDays(30));
        UUID defaultScript = UUID.randomUUID();
        seed.callEvent(null, script(defaultScript, "Default necessity (Humana)", "Default objection"));
        UUID ownScript = UUID.randomUUID();
        seed.callEvent(PRACTICE, script(ownScript, "Our necessity script (Humana)", "Our objection"));
        // another practice's script never reaches this practice's packet
        seed.callEvent("P-FAR", script(UUID.randomUUID(), "Far necessity script (Humana)", "Far objection"));

        JsonPath prep = given().auth().oauth2(CALLER).get("/api/v1/prep/" + claimId).then().statusCode(200)
                .extract().jsonPath(Money.EXACT);
        assertThat(prep.getString("payments[0].paymentId")).isEqualTo(paymentId.toString());
        assertThat(new BigDecimal(prep.getString("payments[0].amount"))).isEqualByComparingTo("120.00");
        assertThat(prep.getString("payments[0].paidOn")).isEqualTo(Seeder.TODAY.minusDays(2).toString());
        assertThat(prep.getString("payments[0].method")).isEqualTo("CHECK");
        assertThat(prep.getString("payments[0].reference")).isEqualTo("CHK-7781");
        assertThat(prep.getString("script.scriptId")).isEqualTo(ownScript.toString());
        assertThat(prep.getString("script.practiceId")).isEqualTo(PRACTICE);
        assertThat(prep.getList("script.steps")).containsExactly("Ask which policy was applied");
        assertThat(prep.getString("script.objections[0].objection")).isEqualTo("Our objection");
        assertThat(prep.getString("script.objections[0].rebuttal")).isEqualTo("Our objection? Here are the records.");
        assertThat(prep.getInt("script.score")).isEqualTo(12);

        // the practice deletes its script: the default fits next
        seed.callEvent(PRACTICE, new CallScriptChanged(ownScript, "x", null, null, null, null, "x", "x", List.of(),
                List.of(), true));
        given().auth().oauth2(CALLER).get("/api/v1/prep/" + claimId).then().statusCode(200)
                .body("script.scriptId", equalTo(defaultScript.toString()))
                .body("script.objections[0].rebuttal", equalTo("Default objection? Here are the records."));
    }

    static CallScriptChanged script(UUID scriptId, String name, String objection) {
        return new CallScriptChanged(scriptId, name, "MEDICAL_NECESSITY", null, "PAYER-SCRIPT", null,
                "Calling about a necessity denial.", "Get the policy applied.", List.of("Ask which policy was applied"),
                List.of(new CallScriptChanged.Objection(objection, objection + "? Here are the records.")), false);
    }

    @Test
    void timelineListsClaimEventsCallsPromisesAndTasksInTimeOrder() {
        UUID claimId = seed.claim(PRACTICE, "PAYER-PREP", "300.00", 20);
        seed.deny(PRACTICE, claimId, "CODING", "300.00", null);
        seed.call(PRACTICE, claimId, "caller-prep", "IN_PROCESS");

        JsonPath timeline = given().auth().oauth2(CALLER).get("/api/v1/timeline/" + claimId).then().statusCode(200)
                .body("claimId", equalTo(claimId.toString())).extract().jsonPath(Money.EXACT);
        List<String> kinds = timeline.getList("entries.kind");
        assertThat(kinds).containsSubsequence("CLAIM_DENIED", "TASK_OPENED", "CALL_LOGGED", "TASK_OPENED");
        List<String> times = timeline.getList("entries.at");
        assertThat(times).isSortedAccordingTo((x, y) -> java.time.Instant.parse(x).compareTo(java.time.Instant.parse(y)));
    }

    @Test
    void anotherPracticesOrUnknownClaimIs404() {
        UUID claimId = seed.claim(PRACTICE, "PAYER-PREP", "300.00", 20);
        given().auth().oauth2(STRANGER).get("/api/v1/prep/" + claimId).then().statusCode(404)
                .body("type", equalTo("https://ardesk.dev/problems/not-found"));
        given().auth().oauth2(STRANGER).get("/api/v1/timeline/" + claimId).then().statusCode(404);
        given().auth().oauth2(CALLER).get("/api/v1/prep/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(CALLER).get("/api/v1/timeline/not-a-claim").then().statusCode(404);
        given().get("/api/v1/prep/" + claimId).then().statusCode(401);
    }
}
