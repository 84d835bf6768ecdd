package com.ardesk.followup.support;

import com.ardesk.events.EventJson;
import com.ardesk.events.calls.CallLogged;
import com.ardesk.events.calls.PromiseToPay;
import com.ardesk.events.claims.ClaimChanged;
import com.ardesk.events.claims.ClaimDenied;
import com.ardesk.events.claims.PayerChanged;
import com.ardesk.followup.projection.CallEventsHandler;
import com.ardesk.followup.projection.ClaimEventsHandler;
import com.ardesk.kit.consumer.EventConsumerRunner;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** Feeds events straight through the consumers (no Kafka round trip) to set up API tests quickly. */
@ApplicationScoped
public class Seeder {
    public static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/New_York"));

    private final EventConsumerRunner runner;
    private final ClaimEventsHandler claims;
    private final CallEventsHandler calls;

    public Seeder(EventConsumerRunner runner, ClaimEventsHandler claims, CallEventsHandler calls) {
        this.runner = runner;
        this.claims = claims;
        this.calls = calls;
    }

    public void claimEvent(String practiceId, Record payload) {
        runner.apply(claims, EventJson.envelope(practiceId, payload, Instant.now()));
    }

    public void callEvent(String practiceId, Record payload) {
        runner.apply(calls, EventJson.envelope(practiceId, payload, Instant.now()));
    }

    public void payer(String payerId, String name, String phone) {
        claimEvent(null, new PayerChanged(payerId, name, phone, 90, "SERVICE_DATE", 120, 5, TODAY));
    }

    /** A claim awaiting payment, billed {@code agedDays} ago. */
    public UUID claim(String practiceId, String payerId, String balance, int agedDays) {
        UUID claimId = UUID.randomUUID();
        claimEvent(practiceId, new ClaimChanged(claimId, "EXT-" + claimId.toString().substring(0, 8), payerId,
                "IN_PROCESS", new BigDecimal(balance), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                new BigDecimal(balance), TODAY.minusDays(agedDays + 3), TODAY.minusDays(agedDays + 3),
                TODAY.minusDays(agedDays), TODAY.plusDays(300), null, null, 1));
        return claimId;
    }

    /** Denies the claim: a DENIAL task due today, and an APPEAL_DEADLINE one if the deadline is given. */
    public UUID deny(String practiceId, UUID claimId, String category, String amount, LocalDate appealDeadline) {
        UUID denialId = UUID.randomUUID();
        claimEvent(practiceId, new ClaimDenied(claimId, "EXT", null, denialId, "CO", "197", List.of("N54"), category,
                new BigDecimal(amount), TODAY, appealDeadline));
        return denialId;
    }

    public UUID call(String practiceId, UUID claimId, String callerId, String outcome) {
        UUID callId = UUID.randomUUID();
        callEvent(practiceId, new CallLogged(callId, null, List.of(claimId), callerId, Instant.now(), 240, outcome,
                "REF-" + callId.toString().substring(0, 6), "Dana", null));
        return callId;
    }

    public UUID promise(String practiceId, UUID claimId, String amount, LocalDate expectedOn) {
        UUID promiseId = UUID.randomUUID();
        callEvent(practiceId, new PromiseToPay(promiseId, UUID.randomUUID(), claimId, null, new BigDecimal(amount),
                expectedOn, "CHECK", "CHK-42"));
        return promiseId;
    }
}
