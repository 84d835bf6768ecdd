package com.ardesk.calls.claim;

import com.ardesk.calls.support.CallsInfra;
import com.ardesk.calls.support.Claims;
import com.ardesk.calls.support.ClaimsTopic;
import com.ardesk.devstack.DevTokens;
import com.ardesk.events.EventEnvelope;
import com.ardesk.events.EventJson;
import com.ardesk.events.claims.ClaimDenied;
import com.ardesk.events.claims.PayerTermsChanged;
import com.ardesk.kit.consumer.EventConsumerRunner;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@CallsInfra
class ClaimProjectionTest {
    static final String CALLER = DevTokens.token("caller-1", List.of("caller"), List.of("P100"));

    @Inject
    EventConsumerRunner runner;
    @Inject
    ClaimEventHandler handler;

    static ClaimSnapshot snapshot(UUID claimId) {
        return QuarkusTransaction.requiringNew().call(() -> ClaimSnapshot.<ClaimSnapshot>findById(claimId));
    }

    @Test
    void claimChangedOnTheTopicReachesTheProjection() throws InterruptedException {
        UUID claimId = UUID.randomUUID();
        EventEnvelope changed = Claims.changed("P100", claimId, "CIGNA", 1);
        ClaimsTopic.publish(claimId.toString(), changed);

        Instant deadline = Instant.now().plusSeconds(30);
        while (snapshot(claimId) == null && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        ClaimSnapshot claim = snapshot(claimId);
        assertThat(claim).isNotNull();
        assertThat(claim.practiceId).isEqualTo("P100");
        assertThat(claim.payerId).isEqualTo("CIGNA");
        assertThat(claim.balance).isEqualByComparingTo("1500.00");

        given().auth().oauth2(CALLER).contentType(ContentType.JSON).body(Map.of("practiceId", "P100", "payerId", "CIGNA",
                        "claimIds", List.of(claimId), "startedAt", "2026-03-02T15:04:05Z", "durationSeconds", 60,
                        "outcome", "IN_PROCESS"))
                .post("/api/v1/calls").then().statusCode(201);
    }

    @Test
    void anOlderSnapshotArrivingLateDoesNotOverwriteANewerOne() {
        UUID claimId = UUID.randomUUID();
        runner.apply(handler, Claims.changed("P100", claimId, "NEWER", 3));
        runner.apply(handler, Claims.changed("P100", claimId, "OLDER", 2));
        assertThat(snapshot(claimId).payerId).isEqualTo("NEWER");
        assertThat(snapshot(claimId).version).isEqualTo(3);
    }

    @Test
    void aPollOfSnapshotsAppliedTogetherKeepsTheNewestPerClaimAsOneByOneWould() {
        UUID overtaken = UUID.randomUUID();
        UUID repeated = UUID.randomUUID();
        UUID known = UUID.randomUUID();
        runner.apply(handler, Claims.changed("P100", known, "KNOWN-5", 5));
        runner.applyAll(handler, List.of(
                Claims.changed("P100", overtaken, "NEWER", 3),
                Claims.changed("P100", repeated, "FIRST", 1),
                Claims.changed("P100", overtaken, "OLDER", 2),
                Claims.payer("BATCHPAY", 7),
                Claims.changed("P100", known, "KNOWN-4", 4),
                Claims.changed("P100", repeated, "SECOND", 1)));
        assertThat(snapshot(overtaken).payerId).isEqualTo("NEWER");
        assertThat(snapshot(overtaken).version).isEqualTo(3);
        assertThat(snapshot(repeated).payerId).isEqualTo("SECOND");
        assertThat(snapshot(known).payerId).isEqualTo("KNOWN-5");
        assertThat(snapshot(known).version).isEqualTo(5);
        assertThat(snapshot(repeated).balance).isEqualByComparingTo("1500.00");
    }

    @Test
    void payerGraceDaysGovernNewCheckPromises() {
        runner.apply(handler, Claims.payer("SLOWPAY", 10));
        UUID claimId = UUID.randomUUID();
        runner.apply(handler, Claims.changed("P100", claimId, "SLOWPAY", 1));
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).body(promise("SLOWPAY", claimId, "2026-03-10"))
                .post("/api/v1/calls").then().statusCode(201)
                .body("promise.graceDays", equalTo(10))
                .body("promise.brokenAfter", equalTo("2026-03-24"));
    }

    @Test
    void aPracticesOwnGraceDaysWinOverThePayersFromTheirEffectiveDate() {
        runner.apply(handler, Claims.payer("TERMSPAY", 10));
        runner.apply(handler, EventJson.envelope("P100", new PayerTermsChanged("TERMSPAY", List.of(
                new PayerTermsChanged.Version(LocalDate.of(2026, 3, 5), 90, "SERVICE_DATE", 60, 2))), Instant.now()));
        UUID claimId = UUID.randomUUID();
        runner.apply(handler, Claims.changed("P100", claimId, "TERMSPAY", 1));
        // on or after the practice's effective date: its 2 days
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).body(promise("TERMSPAY", claimId, "2026-03-10"))
                .post("/api/v1/calls").then().statusCode(201).body("promise.graceDays", equalTo(2));
        // before it: the payer's 10 days
        UUID earlier = UUID.randomUUID();
        runner.apply(handler, Claims.changed("P100", earlier, "TERMSPAY", 1));
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).body(promise("TERMSPAY", earlier, "2026-03-04"))
                .post("/api/v1/calls").then().statusCode(201).body("promise.graceDays", equalTo(10));
    }

    @Test
    void eventsCallsServiceDoesNotKeepAreIgnored() {
        UUID claimId = UUID.randomUUID();
        runner.apply(handler, EventJson.envelope("P100", new ClaimDenied(claimId, "X", "AETNA", UUID.randomUUID(), "CO",
                "16", List.of(), "MISSING_INFO", BigDecimal.TEN, LocalDate.now(), LocalDate.now()), Instant.now()));
        assertThat(snapshot(claimId)).isNull();
    }

    /** A call on one claim that ends in a $10.00 promise due on {@code expectedOn}. */
    static Map<String, Object> promise(String payerId, UUID claimId, String expectedOn) {
        return Map.of("practiceId", "P100", "payerId", payerId, "claimIds", List.of(claimId),
                "startedAt", "2026-03-02T15:04:05Z", "durationSeconds", 60, "outcome", "PROMISE_TO_PAY",
                "promise", Map.of("amount", new BigDecimal("10.00"), "expectedOn", expectedOn, "method", "CHECK"));
    }
}
