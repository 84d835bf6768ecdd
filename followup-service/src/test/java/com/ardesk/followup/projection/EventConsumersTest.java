package com.ardesk.followup.projection;

import com.ardesk.devstack.DevTokens;
import com.ardesk.events.EventEnvelope;
import com.ardesk.events.Topics;
import com.ardesk.events.calls.CallLogged;
import com.ardesk.events.calls.PromiseBroken;
import com.ardesk.events.calls.PromiseKept;
import com.ardesk.events.calls.PromiseToPay;
import com.ardesk.events.claims.AppealFiled;
import com.ardesk.events.claims.ClaimChanged;
import com.ardesk.events.claims.ClaimDenied;
import com.ardesk.events.claims.ClaimPaymentPosted;
import com.ardesk.events.claims.PayerChanged;
import com.ardesk.followup.support.Events;
import com.ardesk.followup.support.FollowupInfra;
import com.ardesk.kit.consumer.EventConsumerRunner;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@FollowupInfra
class EventConsumersTest {
    static final String PRACTICE = "P-EVT";
    static final String SUPERVISOR = DevTokens.token("sup-evt", List.of("supervisor"), List.of(PRACTICE));
    static final Duration WAIT = Duration.ofSeconds(30);
    static final LocalDate TODAY = LocalDate.now(java.time.ZoneId.of("America/New_York"));

    @Inject
    EventConsumerRunner runner;
    @Inject
    ClaimEventsHandler claimEvents;

    static ClaimChanged snapshot(UUID claimId, String status, String balance, long version) {
        return snapshot(claimId, status, balance, version, null);
    }

    static ClaimChanged snapshot(UUID claimId, String status, String balance, long version, LocalDate appealDeadline) {
        return new ClaimChanged(claimId, "EXT-" + claimId.toString().substring(0, 8), "AETNA-EVT", status,
                new BigDecimal("5000.00"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal(balance),
                TODAY.minusDays(70), TODAY.minusDays(70), TODAY.minusDays(65), TODAY.plusDays(200), appealDeadline, null, version);
    }

    /** Delivers the same envelope twice, as a relay retry or a consumer rebalance would. */
    static void twice(String topic, UUID key, Record payload) {
        EventEnvelope envelope = Events.envelope(PRACTICE, payload);
        Events.send(topic, key.toString(), envelope);
        Events.send(topic, key.toString(), envelope);
    }

    static JsonPath tasks(UUID claimId) {
        return given().auth().oauth2(SUPERVISOR).queryParam("claimId", claimId)
                .get("/api/v1/followups").then().statusCode(200).extract().jsonPath();
    }

    static long count(UUID claimId, String type, String status) {
        return tasks(claimId).getList("items", java.util.Map.class).stream()
                .filter(t -> t.get("type").equals(type) && t.get("status").equals(status)).count();
    }

    @Test
    void denialDeliveredTwiceMakesOneDenialTaskAndOneAppealTask() {
        UUID claimId = UUID.randomUUID();
        twice(Topics.CLAIMS, claimId, snapshot(claimId, "IN_PROCESS", "4210.00", 1));
        twice(Topics.CLAIMS, claimId, new ClaimDenied(claimId, "EXT", "AETNA-EVT", UUID.randomUUID(), "CO", "197",
                List.of("N54"), "AUTHORIZATION", new BigDecimal("4210.00"), TODAY, TODAY.plusDays(20)));

        Events.await("DENIAL task", WAIT, () -> count(claimId, "DENIAL", "OPEN") == 1);
        Events.await("APPEAL_DEADLINE task", WAIT, () -> count(claimId, "APPEAL_DEADLINE", "OPEN") == 1);
        // a later, unrelated event proves both duplicates were consumed before we count
        twice(Topics.CLAIMS, claimId, snapshot(claimId, "DENIED", "4210.00", 2, TODAY.plusDays(20)));
        Events.await("snapshot v2", WAIT, () -> ClaimSnapshotProbe.version(claimId) == 2);

        JsonPath all = tasks(claimId);
        assertThat(all.getList("items")).hasSize(2);
        assertThat(all.getString("items.find { it.type == 'APPEAL_DEADLINE' }.dueOn"))
                .isEqualTo(TODAY.plusDays(6).toString());
        assertThat(all.getList("items.find { it.type == 'DENIAL' }.because", String.class))
                .contains("balance $4,210.00").anyMatch(r -> r.startsWith("appeal deadline in 20 days"));
    }

    @Test
    void paymentThatClearsTheClaimCancelsItsOpenTasksWithAReason() {
        UUID claimId = UUID.randomUUID();
        twice(Topics.CLAIMS, claimId, snapshot(claimId, "DENIED", "300.00", 1));
        twice(Topics.CLAIMS, claimId, new ClaimDenied(claimId, "EXT", "AETNA-EVT", UUID.randomUUID(), "CO", "16",
                List.of(), "MISSING_INFO", new BigDecimal("300.00"), TODAY, null));
        Events.await("DENIAL task", WAIT, () -> count(claimId, "DENIAL", "OPEN") == 1);

        twice(Topics.CLAIMS, claimId, new ClaimPaymentPosted(claimId, "AETNA-EVT", UUID.randomUUID(),
                new BigDecimal("300.00"), BigDecimal.ZERO, TODAY, "EFT", "TRN-1", BigDecimal.ZERO, "PAID"));
        Events.await("cancelled", WAIT, () -> count(claimId, "DENIAL", "CANCELLED") == 1);
        assertThat(tasks(claimId).getString("items[0].closeReason")).isEqualTo("claim paid: $300.00 posted on " + TODAY);
    }

    @Test
    void promiseLifecycleChecksClosesAndEscalates() {
        UUID claimId = UUID.randomUUID();
        UUID callId = UUID.randomUUID();
        twice(Topics.CLAIMS, claimId, snapshot(claimId, "IN_PROCESS", "900.00", 1));
        twice(Topics.CALLS, claimId, new CallLogged(callId, "AETNA-EVT", List.of(claimId), "caller-evt", Instant.now(),
                120, "PROMISE_TO_PAY", "R-1", "Dana", null));
        UUID kept = UUID.randomUUID();
        twice(Topics.CALLS, claimId, new PromiseToPay(kept, callId, claimId, "AETNA-EVT", new BigDecimal("400.00"),
                TODAY.plusDays(5), "CHECK", "CHK-1"));
        Events.await("PROMISE_CHECK", WAIT, () -> count(claimId, "PROMISE_CHECK", "OPEN") == 1);
        assertThat(tasks(claimId).getString("items.find { it.type == 'PROMISE_CHECK' }.dueOn"))
                .isEqualTo(TODAY.plusDays(6).toString());

        twice(Topics.CALLS, claimId, new PromiseKept(kept, claimId, UUID.randomUUID(), new BigDecimal("400.00"), TODAY));
        Events.await("kept closes the check", WAIT, () -> count(claimId, "PROMISE_CHECK", "DONE") == 1);

        UUID broken = UUID.randomUUID();
        twice(Topics.CALLS, claimId, new PromiseToPay(broken, callId, claimId, "AETNA-EVT", new BigDecimal("500.00"),
                TODAY.minusDays(10), "CHECK", null));
        Events.await("second check", WAIT, () -> count(claimId, "PROMISE_CHECK", "OPEN") == 1);
        int before = tasks(claimId).getInt("items.find { it.type == 'PROMISE_CHECK' && it.status == 'OPEN' }.priority");
        twice(Topics.CALLS, claimId, new PromiseBroken(broken, claimId, new BigDecimal("500.00"), TODAY.minusDays(10),
                TODAY.minusDays(2)));
        Events.await("callback", WAIT, () -> count(claimId, "CALLBACK", "OPEN") == 1);

        JsonPath all = tasks(claimId);
        assertThat(count(claimId, "PROMISE_CHECK", "DONE")).isEqualTo(2);
        assertThat(all.getInt("items.find { it.type == 'CALLBACK' }.priority")).isGreaterThan(before);
        assertThat(all.getList("items.find { it.type == 'CALLBACK' }.because", String.class))
                .contains("promise broken on " + TODAY.minusDays(2));
    }

    @Test
    void callOutcomeSchedulesTheNextCheckAndReplacesTheOpenOne() {
        UUID claimId = UUID.randomUUID();
        twice(Topics.CLAIMS, claimId, snapshot(claimId, "IN_PROCESS", "100.00", 1));
        twice(Topics.CALLS, claimId, new CallLogged(UUID.randomUUID(), "AETNA-EVT", List.of(claimId), "caller-evt",
                Instant.now(), 60, "IN_PROCESS", "R-2", "Lee", null));
        Events.await("STATUS_CHECK", WAIT, () -> count(claimId, "STATUS_CHECK", "OPEN") == 1);
        twice(Topics.CALLS, claimId, new CallLogged(UUID.randomUUID(), "AETNA-EVT", List.of(claimId), "caller-evt",
                Instant.now(), 60, "NO_ANSWER", null, null, null));
        Events.await("CALLBACK", WAIT, () -> count(claimId, "CALLBACK", "OPEN") == 1);

        assertThat(count(claimId, "STATUS_CHECK", "DONE")).isEqualTo(1);
        assertThat(count(claimId, "STATUS_CHECK", "OPEN")).isZero();
    }

    @Test
    void unknownTypesAreSkippedAndTheConsumerKeepsGoing() {
        UUID claimId = UUID.randomUUID();
        Events.send(Topics.CLAIMS, claimId.toString(), new EventEnvelope(UUID.randomUUID(), "ClaimTeleported", 1,
                Instant.now(), PRACTICE, JsonNodeFactory.instance.objectNode().put("claimId", claimId.toString())));
        twice(Topics.CLAIMS, claimId, snapshot(claimId, "IN_PROCESS", "100.00", 1));
        twice(Topics.CLAIMS, claimId, new PayerChanged("AETNA-EVT", "Aetna", "+1-800-555-0199", 90, "SERVICE_DATE",
                120, 5, TODAY));
        Events.await("snapshot after unknown type", WAIT, () -> ClaimSnapshotProbe.version(claimId) == 1);
    }

    @Test
    void appealFiledClosesDenialWork() {
        UUID claimId = UUID.randomUUID();
        twice(Topics.CLAIMS, claimId, new ClaimDenied(claimId, "EXT", "AETNA-EVT", UUID.randomUUID(), "CO", "50",
                List.of(), "MEDICAL_NECESSITY", new BigDecimal("700.00"), TODAY, TODAY.plusDays(90)));
        Events.await("denial", WAIT, () -> count(claimId, "DENIAL", "OPEN") == 1);
        twice(Topics.CLAIMS, claimId, new AppealFiled(claimId, UUID.randomUUID(), 1, TODAY, TODAY.plusDays(60)));
        Events.await("status check", WAIT, () -> count(claimId, "STATUS_CHECK", "SNOOZED") + count(claimId, "STATUS_CHECK", "OPEN") == 1);
        assertThat(count(claimId, "DENIAL", "DONE")).isEqualTo(1);
        assertThat(count(claimId, "APPEAL_DEADLINE", "DONE")).isEqualTo(1);
    }

    /**
     * One poll's worth of events on six claims (a batch push with a few other events in between),
     * each claim's own sequence: the projection writes runs of ClaimChanged together.
     */
    static List<EventEnvelope> mixedPoll(List<UUID> c) {
        List<Record> events = List.of(
                snapshot(c.get(0), "IN_PROCESS", "100.00", 1),
                snapshot(c.get(1), "IN_PROCESS", "200.00", 3),
                snapshot(c.get(2), "DENIED", "300.00", 1, TODAY.plusDays(20)),
                new ClaimChanged(c.get(3), "EXT-D", "AETNA-EVT", "SUBMITTED", new BigDecimal("400.00"), BigDecimal.ZERO,
                        BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("400.00"), TODAY.minusDays(80),
                        TODAY.minusDays(80), TODAY.minusDays(80), TODAY.plusDays(10), null, null, 1),
                // an older snapshot after a newer one of the same claim, in the same run
                snapshot(c.get(1), "PAID", "0.00", 2),
                new ClaimDenied(c.get(4), "EXT-E", "AETNA-EVT", UUID.randomUUID(), "CO", "16", List.of(), "MISSING_INFO",
                        new BigDecimal("500.00"), TODAY, null),
                snapshot(c.get(4), "DENIED", "500.00", 1),
                snapshot(c.get(0), "DENIED", "100.00", 2, TODAY.plusDays(30)),
                // the same claim twice in a run: the task its v1 opened, its v2 cancels
                snapshot(c.get(2), "PAID", "0.00", 2),
                snapshot(c.get(5), "WRITTEN_OFF", "0.00", 1));
        return events.stream().map(e -> Events.envelope(PRACTICE, e)).toList();
    }

    static Map<String, Long> taskSummary(UUID claimId) {
        return tasks(claimId).getList("items", Map.class).stream()
                .collect(Collectors.groupingBy(t -> t.get("type") + " " + t.get("status") + " due " + t.get("dueOn")
                        + " priority " + t.get("priority"), Collectors.counting()));
    }

    static List<UUID> claims(int n) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(UUID.randomUUID());
        }
        return ids;
    }

    @Test
    void aPollAppliedTogetherHasTheEffectOfEachEventInTurn() {
        List<UUID> together = claims(6);
        runner.applyAll(claimEvents, mixedPoll(together));
        List<UUID> oneByOne = claims(6);
        mixedPoll(oneByOne).forEach(e -> runner.apply(claimEvents, e));

        assertThat(ClaimSnapshotProbe.version(together.get(0))).isEqualTo(2);
        assertThat(count(together.get(0), "APPEAL_DEADLINE", "OPEN")).isEqualTo(1);
        assertThat(ClaimSnapshotProbe.version(together.get(1))).isEqualTo(3);
        assertThat(tasks(together.get(1)).getList("items")).isEmpty();
        assertThat(count(together.get(2), "APPEAL_DEADLINE", "CANCELLED")).isEqualTo(1);
        assertThat(count(together.get(3), "STATUS_CHECK", "OPEN")).isEqualTo(1);
        assertThat(count(together.get(4), "DENIAL", "OPEN")).isEqualTo(1);
        assertThat(ClaimSnapshotProbe.version(together.get(5))).isEqualTo(1);
        for (int i = 0; i < together.size(); i++) {
            assertThat(taskSummary(together.get(i))).as("claim %d", i).isEqualTo(taskSummary(oneByOne.get(i)));
            assertThat(ClaimSnapshotProbe.version(together.get(i))).isEqualTo(ClaimSnapshotProbe.version(oneByOne.get(i)));
        }
    }
}
