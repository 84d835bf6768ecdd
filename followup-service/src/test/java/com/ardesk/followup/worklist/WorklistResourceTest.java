package com.ardesk.followup.worklist;

import com.ardesk.devstack.DevTokens;
import com.ardesk.devstack.Money;
import com.ardesk.followup.support.FollowupInfra;
import com.ardesk.followup.support.Seeder;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@FollowupInfra
class WorklistResourceTest {
    @Inject
    Seeder seed;

    static String caller(String sub, String practice) {
        return DevTokens.token(sub, List.of("caller"), List.of(practice));
    }

    static String supervisor(String practice) {
        return DevTokens.token("sup-" + practice, List.of("supervisor"), List.of(practice));
    }

    /** A manual task; a null assignee is sent as JSON null (the task is nobody's yet). */
    static Map<String, Object> manual(UUID claimId, String assignee, String dueOn) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("claimId", claimId);
        task.put("dueOn", dueOn);
        task.put("assignee", assignee);
        task.put("reason", "manual");
        return task;
    }

    void task(String practice, UUID claimId, String assignee, String dueOn) {
        given().auth().oauth2(supervisor(practice)).contentType(ContentType.JSON).body(manual(claimId, assignee, dueOn))
                .post("/api/v1/followups").then().statusCode(201);
    }

    @Test
    void myWorklistHasMyTasksAndTheSharedOnesInPriorityOrderWithReasons() {
        String practice = "P-WL1";
        seed.payer("PAYER-WL1", "Aetna WL", "+1-800-555-0111");
        UUID big = seed.claim(practice, "PAYER-WL1", "4210.00", 95);
        seed.deny(practice, big, "AUTHORIZATION", "4210.00", Seeder.TODAY.plusDays(6));
        UUID small = seed.claim(practice, "PAYER-WL1", "150.00", 10);
        task(practice, small, "caller-wl1", Seeder.TODAY.toString());
        UUID someoneElses = seed.claim(practice, "PAYER-WL1", "9000.00", 10);
        task(practice, someoneElses, "caller-other", Seeder.TODAY.toString());
        UUID later = seed.claim(practice, "PAYER-WL1", "9000.00", 10);
        task(practice, later, null, Seeder.TODAY.plusDays(3).toString());

        JsonPath page = given().auth().oauth2(caller("caller-wl1", practice)).get("/api/v1/worklists/me")
                .then().statusCode(200).extract().jsonPath(Money.EXACT);
        // the denial and its appeal task (both due today), then my manual task; not the other caller's, not tomorrow's
        assertThat(page.getList("items.claimId")).containsExactly(big.toString(), big.toString(), small.toString());
        assertThat(page.getList("items.type")).containsExactlyInAnyOrder("DENIAL", "APPEAL_DEADLINE", "MANUAL");
        assertThat(page.getString("items[0].balance")).isEqualTo("4210.00");
        assertThat(page.getString("items[0].agingBucket")).isEqualTo("91-120");
        assertThat(page.getString("items[0].payerId")).isEqualTo("PAYER-WL1");
        assertThat(page.getString("items[0].payerName")).isEqualTo("Aetna WL");
        assertThat(page.getList("items[0].because", String.class))
                .containsExactly("appeal deadline in 6 days", "balance $4,210.00", "aged 95 days (91-120)");
        assertThat(page.getString("items[2].reason")).isEqualTo("manual");
        assertThat(page.getInt("items[0].priority")).isGreaterThan(page.getInt("items[2].priority"));
    }

    @Test
    void worklistPagesWithACursor() {
        String practice = "P-WL2";
        for (int i = 0; i < 3; i++) {
            seed.deny(practice, seed.claim(practice, "PAYER-WL2", (i + 1) + "000.00", 10), "CODING", "10.00", null);
        }
        String token = caller("caller-wl2", practice);
        JsonPath first = given().auth().oauth2(token).queryParam("limit", 2).get("/api/v1/worklists/me")
                .then().statusCode(200).body("items.size()", equalTo(2)).body("nextCursor", notNullValue())
                .extract().jsonPath(Money.EXACT);
        JsonPath second = given().auth().oauth2(token).queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor")).get("/api/v1/worklists/me")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("nextCursor", equalTo(null))
                .extract().jsonPath(Money.EXACT);
        assertThat(first.getList("items.balance", String.class)).containsExactly("3000.00", "2000.00");
        assertThat(second.getList("items.balance", String.class)).containsExactly("1000.00");
        given().auth().oauth2(token).queryParam("limit", 501).get("/api/v1/worklists/me").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void supervisorSearchFiltersAndTenancyHolds() {
        String practice = "P-WL3";
        UUID a = seed.claim(practice, "PAYER-A", "500.00", 10);
        seed.deny(practice, a, "CODING", "500.00", null);
        UUID b = seed.claim(practice, "PAYER-B", "700.00", 10);
        task(practice, b, "caller-wl3", Seeder.TODAY.toString());

        given().auth().oauth2(supervisor(practice)).queryParam("payerId", "PAYER-A").get("/api/v1/worklists")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("items[0].type", equalTo("DENIAL"));
        given().auth().oauth2(supervisor(practice)).queryParam("assignee", "caller-wl3").queryParam("practiceId", practice)
                .get("/api/v1/worklists").then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].claimId", equalTo(b.toString()));
        given().auth().oauth2(supervisor(practice)).queryParam("type", "MANUAL").get("/api/v1/worklists")
                .then().statusCode(200).body("items.size()", equalTo(1));
        given().auth().oauth2(supervisor(practice)).queryParam("type", "NAP").get("/api/v1/worklists")
                .then().statusCode(400).body("errors[0].field", equalTo("type"));
        given().auth().oauth2(supervisor(practice)).queryParam("practiceId", "P-WL1").get("/api/v1/worklists")
                .then().statusCode(404);
        given().auth().oauth2(caller("caller-wl3", practice)).get("/api/v1/worklists").then().statusCode(403);
        given().auth().oauth2(supervisor("P-NOBODY")).get("/api/v1/worklists").then().statusCode(200)
                .body("items.size()", equalTo(0));
        given().auth().oauth2(caller("caller-x", "P-NOBODY")).get("/api/v1/worklists/me").then().statusCode(200)
                .body("items.size()", equalTo(0));
        given().auth().oauth2(caller("caller-x", "P-NOBODY")).post("/api/v1/worklists/me/next").then().statusCode(204);
        given().get("/api/v1/worklists/me").then().statusCode(401);
    }

    @Test
    void nextLeasesTheTopTaskWithItsPrepPacketAndHidesItFromOthers() {
        String practice = "P-WL4";
        UUID top = seed.claim(practice, "PAYER-WL4", "8000.00", 100);
        seed.deny(practice, top, "TIMELY_FILING", "8000.00", null);
        UUID second = seed.claim(practice, "PAYER-WL4", "100.00", 5);
        seed.deny(practice, second, "OTHER", "100.00", null);

        String alice = caller("alice-wl4", practice);
        String bob = caller("bob-wl4", practice);
        given().auth().oauth2(alice).post("/api/v1/worklists/me/next").then().statusCode(200)
                .body("task.claimId", equalTo(top.toString())).body("task.leasedBy", equalTo("alice-wl4"))
                .body("leaseUntil", notNullValue())
                .body("prep.claim.claimId", equalTo(top.toString()))
                .body("prep.denials[0].category", equalTo("TIMELY_FILING"))
                .body("prep.scriptHint.denialCategory", equalTo("TIMELY_FILING"));
        // bob doesn't see alice's leased claim
        given().auth().oauth2(bob).get("/api/v1/worklists/me").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].claimId", equalTo(second.toString()));
        given().auth().oauth2(bob).post("/api/v1/worklists/me/next").then().statusCode(200)
                .body("task.claimId", equalTo(second.toString()));
        // nothing left for a third caller
        given().auth().oauth2(caller("carol-wl4", practice)).post("/api/v1/worklists/me/next").then().statusCode(204);

        // logging a call on the claim releases alice's lease
        seed.call(practice, top, "alice-wl4", "IN_PROCESS");
        given().auth().oauth2(caller("carol-wl4", practice)).post("/api/v1/worklists/me/next").then().statusCode(200)
                .body("task.claimId", equalTo(top.toString())).body("task.type", equalTo("DENIAL"));
    }

    @Test
    void nextMovesOnFromTheCallersPreviousLease() {
        String practice = "P-WL5";
        UUID one = seed.claim(practice, "PAYER-WL5", "900.00", 5);
        seed.deny(practice, one, "CODING", "900.00", null);
        UUID two = seed.claim(practice, "PAYER-WL5", "100.00", 5);
        seed.deny(practice, two, "CODING", "100.00", null);
        String dave = caller("dave-wl5", practice);
        given().auth().oauth2(dave).post("/api/v1/worklists/me/next").then().statusCode(200)
                .body("task.claimId", equalTo(one.toString()));
        given().auth().oauth2(dave).post("/api/v1/worklists/me/next").then().statusCode(200)
                .body("task.claimId", equalTo(two.toString()));
        // the first lease was given up, so another caller can take it
        given().auth().oauth2(caller("erin-wl5", practice)).post("/api/v1/worklists/me/next").then().statusCode(200)
                .body("task.claimId", equalTo(one.toString()));
    }
}
