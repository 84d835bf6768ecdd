package com.ardesk.followup.projection;

import com.ardesk.events.EventEnvelope;
import com.ardesk.events.EventJson;
import com.ardesk.events.calls.CallLogged;
import com.ardesk.events.calls.PromiseBroken;
import com.ardesk.events.calls.PromiseKept;
import com.ardesk.events.calls.PromiseToPay;
import com.ardesk.followup.infra.ClaimLocks;
import com.ardesk.followup.infra.RulesConfig;
import com.ardesk.followup.rules.FollowUpRules;
import com.ardesk.followup.rules.Money;
import com.ardesk.followup.task.TaskEngine;
import com.ardesk.kit.time.PracticeClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Applies one {@code ar.calls.v1} event: calls and promises into the read model, then the rules. */
@ApplicationScoped
public class CallProjection {
    private final TaskEngine tasks;
    private final ClaimLocks locks;
    private final PracticeRules rules;
    private final PracticeClock clock;
    private final EntityManager em;

    public CallProjection(TaskEngine tasks, ClaimLocks locks, PracticeRules rules, PracticeClock clock, EntityManager em) {
        this.tasks = tasks;
        this.locks = locks;
        this.rules = rules;
        this.clock = clock;
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope event) {
        Instant at = event.occurredAt() != null ? event.occurredAt() : clock.now();
        switch (event.type()) {
            case "CallLogged" -> callLogged(event, EventJson.payload(event, CallLogged.class), at);
            case "PromiseToPay" -> promiseToPay(event, EventJson.payload(event, PromiseToPay.class), at);
            case "PromiseKept" -> promiseKept(event, EventJson.payload(event, PromiseKept.class), at);
            case "PromiseBroken" -> promiseBroken(event, EventJson.payload(event, PromiseBroken.class), at);
            default -> {
                // CallReviewed and types added later carry nothing a follow-up needs
            }
        }
    }

    private void callLogged(EventEnvelope event, CallLogged call, Instant at) {
        if (call.claimIds() == null) {
            return;
        }
        // the call's own date, so a call logged late still schedules from when it happened
        LocalDate day = call.startedAt() != null
                ? call.startedAt().atZone(clock.zone(event.practiceId())).toLocalDate() : day(event);
        for (UUID claimId : call.claimIds()) {
            locks.lock(claimId);
            em.createNativeQuery("""
                    insert into call_record (call_id, claim_id, practice_id, payer_id, caller_id, started_at,
                        duration_seconds, outcome, reference_number, rep_name, callback_at)
                    values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) on conflict do nothing""")
                    .setParameter(1, call.callId()).setParameter(2, claimId).setParameter(3, event.practiceId())
                    .setParameter(4, call.payerId()).setParameter(5, call.callerId())
                    .setParameter(6, call.startedAt() != null ? call.startedAt() : at)
                    .setParameter(7, call.durationSeconds()).setParameter(8, call.outcome())
                    .setParameter(9, call.referenceNumber()).setParameter(10, call.repName())
                    .setParameter(11, call.callbackAt())
                    .executeUpdate();
            TimelineEntry.record(claimId, event.practiceId(), call.startedAt() != null ? call.startedAt() : at,
                    "CALL_LOGGED", "call by " + call.callerId() + ": " + call.outcome()
                            + (call.repName() != null ? ", rep " + call.repName() : "")
                            + (call.referenceNumber() != null ? ", ref " + call.referenceNumber() : ""), call.callId());
            tasks.releaseLeases(claimId);
            ClaimSnapshot claim = ClaimSnapshot.findById(claimId);
            tasks.apply(claimId, event.practiceId(), rules.of(event).callLogged(call, day, clock.zone(event.practiceId()),
                    claim != null ? claim.appealDeadline : null), call.callerId() != null ? call.callerId() : "system", at);
        }
    }

    private void promiseToPay(EventEnvelope event, PromiseToPay p, Instant at) {
        locks.lock(p.claimId());
        if (Promise.findById(p.promiseId()) == null) {
            Promise promise = new Promise();
            promise.promiseId = p.promiseId();
            promise.claimId = p.claimId();
            promise.practiceId = event.practiceId();
            promise.callId = p.callId();
            promise.payerId = p.payerId();
            promise.amount = p.amount();
            promise.expectedOn = p.expectedOn();
            promise.method = p.method();
            promise.reference = p.reference();
            promise.status = "OPEN";
            promise.updatedAt = at;
            promise.persist();
        }
        TimelineEntry.record(p.claimId(), event.practiceId(), at, "PROMISE_TO_PAY", "payer promised "
                + Money.format(p.amount()) + " by " + p.expectedOn()
                + (p.method() != null ? " (" + p.method() + (p.reference() != null ? " " + p.reference() : "") + ")" : ""),
                p.promiseId());
        tasks.apply(p.claimId(), event.practiceId(), rules.of(event).promiseToPay(p), ClaimProjection.SYSTEM, at);
    }

    private void promiseKept(EventEnvelope event, PromiseKept k, Instant at) {
        locks.lock(k.claimId());
        settle(k.promiseId(), "KEPT", k.keptOn(), at);
        TimelineEntry.record(k.claimId(), event.practiceId(), at, "PROMISE_KEPT", "promise kept on " + k.keptOn()
                + ": " + Money.format(k.amount()), k.promiseId());
        tasks.apply(k.claimId(), event.practiceId(), rules.of(event).promiseKept(k), ClaimProjection.SYSTEM, at);
    }

    private void promiseBroken(EventEnvelope event, PromiseBroken b, Instant at) {
        locks.lock(b.claimId());
        Promise promise = settle(b.promiseId(), "BROKEN", b.brokenOn(), at);
        if (promise == null) {
            // the PromiseToPay was never seen (e.g. history trimmed): keep the fact that drives priority
            promise = new Promise();
            promise.promiseId = b.promiseId();
            promise.claimId = b.claimId();
            promise.practiceId = event.practiceId();
            promise.amount = b.amount();
            promise.expectedOn = b.expectedOn();
            promise.status = "BROKEN";
            promise.settledOn = b.brokenOn();
            promise.updatedAt = at;
            promise.persist();
        }
        TimelineEntry.record(b.claimId(), event.practiceId(), at, "PROMISE_BROKEN", "promise of " + Money.format(b.amount())
                + " due " + b.expectedOn() + " broken on " + b.brokenOn(), b.promiseId());
        tasks.apply(b.claimId(), event.practiceId(), rules.of(event).promiseBroken(b, day(event)),
                ClaimProjection.SYSTEM, at);
    }

    private static Promise settle(UUID promiseId, String status, LocalDate on, Instant at) {
        Promise promise = Promise.findById(promiseId);
        if (promise != null) {
            promise.status = status;
            promise.settledOn = on;
            promise.updatedAt = at;
        }
        return promise;
    }

    /** "Today" where the event's practice works. */
    private LocalDate day(EventEnvelope event) {
        return clock.today(event.practiceId());
    }
}
