package com.ardesk.followup.projection;

import com.ardesk.devstack.DevTokens;
import com.ardesk.events.EventEnvelope;
import com.ardesk.events.Topics;
import com.ardesk.events.calls.CallLogged;
import com.ardesk.events.claims.ClaimStatusChanged;
import com.ardesk.followup.support.Events;
import com.ardesk.followup.support.FollowupInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.ardesk.followup.projection.EventConsumersTest.snapshot;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ClaimStatusChanged with a payer status (277CA, 277) through the real Kafka consumer: the tasks it
 * opens, closes and reschedules (docs/domain.md "Payer status (277CA, 277)").
 */
@QuarkusTest
@FollowupInfra
class PayerStatusEventsTest {
    static final String PRACTICE = "P-STC";
    static final String SUPERVISOR = DevTokens.token("sup-stc", List.of("supervisor"), List.of(PRACTICE));
    static final Duration WAIT = Duration.ofSeconds(30);
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/New_York"));

    static void twice(UUID claimId, Record payload) {
        EventEnvelope envelope = Events.envelope(PRACTICE, payload);
        Events.send(Topics.CLAIMS, claimId.toString(), envelope);
        Events.send(Topics.CLAIMS, claimId.toString(), envelope);
    }

    static ClaimStatusChanged payer(UUID claimId, String source, String category, boolean rejected, String... codes) {
        return new ClaimStatusChanged(claimId, "IN_PROCESS", rejected ? "SUBMITTED" : "IN_PROCESS",
                source + " " + String.join(" ", codes), source, category, List.of(codes), TODAY.minusDays(1), rejected);
    }

    static List<Map<String, Object>> tasks(UUID claimId) {
        JsonPath page = given().auth().oauth2(SUPERVISOR).queryParam("claimId", claimId)
                .get("/api/v1/followups").then().statusCode(200).extract().jsonPath();
        return page.getList("items");
    }

    static List<Map<String, Object>> tasks(UUID claimId, String type, String status) {
        return tasks(claimId).stream().filter(t -> type.equals(t.get("type")) && status.equals(t.get("status"))).toList();
    }

    /** A STATUS_CHECK due in 14 days, as a caller's "in process" call leaves one. */
    static void statusCheckScheduled(UUID claimId) {
        twice(claimId, snapshot(claimId, "IN_PROCESS", "750.00", 1));
        Events.send(Topics.CALLS, claimId.toString(), Events.envelope(PRACTICE, new CallLogged(UUID.randomUUID(), "AETNA-EVT",
                List.of(claimId), "caller-stc", Instant.now(), 60, "IN_PROCESS", "R-9", "Lee", null)));
        Events.await("STATUS_CHECK", WAIT, () -> tasks(claimId, "STATUS_CHECK", "OPEN").size() == 1);
    }

    @Test
    void aRejectionDeliveredTwiceOpensOneResubmitWithItsCodesAndAnAcceptanceClosesIt() {
        UUID claimId = UUID.randomUUID();
        statusCheckScheduled(claimId);
        twice(claimId, payer(claimId, "277CA", "A3", true, "A3:21:85", "A7:562:85"));

        Events.await("RESUBMIT", WAIT, () -> tasks(claimId, "RESUBMIT", "OPEN").size() == 1);
        Map<String, Object> resubmit = tasks(claimId, "RESUBMIT", "OPEN").get(0);
        assertThat(resubmit.get("dueOn")).isEqualTo(TODAY.toString());
        assertThat((String) resubmit.get("reason")).contains("A3:21:85 A7:562:85", "277CA", "fix what the codes name and resubmit");
        // the payer answered electronically: nobody has to call about the claim's status
        assertThat(tasks(claimId, "STATUS_CHECK", "DONE")).singleElement()
                .satisfies(t -> assertThat((String) t.get("closeReason")).contains("the payer rejected the claim"));

        // a second, different rejection while the first is open still leaves one open RESUBMIT
        twice(claimId, payer(claimId, "277CA", "A6", true, "A6:164:IL"));
        twice(claimId, payer(claimId, "277CA", "A2", false, "A2:20"));
        Events.await("RESUBMIT closed", WAIT, () -> tasks(claimId, "RESUBMIT", "DONE").size() == 1);
        assertThat(tasks(claimId, "RESUBMIT", "OPEN")).isEmpty();
        assertThat(tasks(claimId).stream().filter(t -> "RESUBMIT".equals(t.get("type")))).hasSize(1);
        assertThat((String) tasks(claimId, "RESUBMIT", "DONE").get(0).get("closeReason"))
                .isEqualTo("payer status A2:20 on " + TODAY.minusDays(1) + " via 277CA: the payer accepted the claim");
    }

    @Test
    void aFinalized277ClosesTheOpenStatusCheck() {
        UUID claimId = UUID.randomUUID();
        statusCheckScheduled(claimId);
        twice(claimId, payer(claimId, "277", "F1", false, "F1:65"));

        Events.await("STATUS_CHECK done", WAIT, () -> tasks(claimId, "STATUS_CHECK", "DONE").size() == 1);
        assertThat(tasks(claimId, "STATUS_CHECK", "DONE").get(0).get("closeReason"))
                .isEqualTo("payer status F1:65 on " + TODAY.minusDays(1) + " via 277");
        assertThat(tasks(claimId, "STATUS_CHECK", "OPEN")).isEmpty();
    }

    @Test
    void aRequestForInformationMakesTheCheckDueTodayAndPendingMovesItOut() {
        UUID claimId = UUID.randomUUID();
        statusCheckScheduled(claimId);
        assertThat(tasks(claimId, "STATUS_CHECK", "OPEN").get(0).get("dueOn")).isEqualTo(TODAY.plusDays(14).toString());

        twice(claimId, payer(claimId, "277", "R4", false, "R4:254"));
        Events.await("due today", WAIT, () -> TODAY.toString().equals(tasks(claimId, "STATUS_CHECK", "OPEN").get(0).get("dueOn")));
        assertThat((String) tasks(claimId, "STATUS_CHECK", "OPEN").get(0).get("reason"))
                .contains("R4:254", "the payer asks for information");

        twice(claimId, payer(claimId, "277", "P1", false, "P1:1"));
        Events.await("moved out", WAIT, () -> TODAY.plusDays(14).toString()
                .equals(tasks(claimId, "STATUS_CHECK", "OPEN").get(0).get("dueOn")));
        assertThat(tasks(claimId, "STATUS_CHECK", "OPEN")).hasSize(1);
        assertThat((String) tasks(claimId, "STATUS_CHECK", "OPEN").get(0).get("reason")).contains("P1:1", "pending");
    }

    @Test
    void aRequestForInformationWithNoCheckOpenOpensOne() {
        UUID claimId = UUID.randomUUID();
        twice(claimId, snapshot(claimId, "IN_PROCESS", "320.00", 1));
        twice(claimId, payer(claimId, "277", "R3", false, "R3:21"));
        Events.await("STATUS_CHECK", WAIT, () -> tasks(claimId, "STATUS_CHECK", "OPEN").size() == 1);
        assertThat(tasks(claimId, "STATUS_CHECK", "OPEN").get(0).get("dueOn")).isEqualTo(TODAY.toString());
    }
}
