package com.ardesk.followup.projection;

import com.ardesk.events.EventEnvelope;
import com.ardesk.events.EventJson;
import com.ardesk.events.claims.AppealFiled;
import com.ardesk.events.claims.ClaimChanged;
import com.ardesk.events.claims.ClaimDenied;
import com.ardesk.events.claims.ClaimPaymentPosted;
import com.ardesk.events.claims.ClaimStatusChanged;
import com.ardesk.events.claims.ClaimWrittenOff;
import com.ardesk.events.claims.PayerChanged;
import com.ardesk.followup.infra.ClaimLocks;
import com.ardesk.followup.infra.RulesConfig;
import com.ardesk.followup.infra.Today;
import com.ardesk.followup.rules.FollowUpRules;
import com.ardesk.followup.rules.Money;
import com.ardesk.followup.rules.TaskAction;
import com.ardesk.followup.task.TaskEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Applies one {@code ar.claims.v1} event: read model first, then the rules on the updated claim. */
@ApplicationScoped
public class ClaimProjection {
    static final String SYSTEM = "system";

    private final TaskEngine tasks;
    private final ClaimLocks locks;
    private final RulesConfig config;
    private final Map<String, FollowUpRules> rules = new ConcurrentHashMap<>();
    private final Today today;

    public ClaimProjection(TaskEngine tasks, ClaimLocks locks, RulesConfig config, Today today) {
        this.tasks = tasks;
        this.locks = locks;
        this.config = config;
        this.today = today;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope event) {
        Instant at = event.occurredAt() != null ? event.occurredAt() : today.now();
        switch (event.type()) {
            case "ClaimChanged" -> claimChanged(event, EventJson.payload(event, ClaimChanged.class), at);
            case "ClaimDenied" -> claimDenied(event, EventJson.payload(event, ClaimDenied.class), at);
            case "ClaimPaymentPosted" -> paymentPosted(event, EventJson.payload(event, ClaimPaymentPosted.class), at);
            case "ClaimStatusChanged" -> statusChanged(event, EventJson.payload(event, ClaimStatusChanged.class), at);
            case "AppealFiled" -> appealFiled(event, EventJson.payload(event, AppealFiled.class), at);
            case "ClaimWrittenOff" -> writtenOff(event, EventJson.payload(event, ClaimWrittenOff.class), at);
            case "PayerChanged" -> payerChanged(EventJson.payload(event, PayerChanged.class), at);
            default -> {
                // a type this service does not use (or not yet): skipping it is the contract
            }
        }
    }

    private void claimChanged(EventEnvelope event, ClaimChanged c, Instant at) {
        locks.lock(c.claimId());
        ClaimSnapshot claim = ClaimSnapshot.findById(c.claimId());
        if (claim == null) {
            claim = newSnapshot(c.claimId(), event.practiceId(), c.status());
        } else if (c.version() < claim.snapshotVersion) {
            return; // an older snapshot overtaken by a newer one
        }
        claim.externalClaimId = c.externalClaimId();
        claim.payerId = c.payerId();
        claim.status = c.status();
        claim.billedAmount = c.billedAmount();
        claim.paidAmount = c.paidAmount();
        claim.adjustmentAmount = c.adjustmentAmount();
        claim.patientResponsibility = c.patientResponsibility();
        claim.balance = c.balance() != null ? c.balance() : BigDecimal.ZERO;
        claim.serviceDateFrom = c.serviceDateFrom();
        claim.serviceDateTo = c.serviceDateTo();
        claim.submittedOn = c.submittedOn();
        claim.timelyFilingDeadline = c.timelyFilingDeadline();
        claim.appealDeadline = c.appealDeadline();
        claim.denialCategory = c.denialCategory();
        claim.snapshotVersion = c.version();
        claim.updatedAt = at;
        claim.persist();
        tasks.apply(claim.claimId, claim.practiceId, rules(claim.practiceId).claimSnapshot(claim.status, claim.balance,
                claim.appealDeadline, claim.timelyFilingDeadline, today.date(claim.practiceId)), SYSTEM, at);
    }

    private void claimDenied(EventEnvelope event, ClaimDenied d, Instant at) {
        locks.lock(d.claimId());
        ClaimSnapshot claim = snapshot(d.claimId(), event.practiceId(), "DENIED");
        if (claim.externalClaimId == null) {
            claim.externalClaimId = d.externalClaimId();
            claim.payerId = d.payerId();
        }
        claim.denialCategory = d.category();
        if (d.appealDeadline() != null) {
            claim.appealDeadline = d.appealDeadline();
        }
        if (Denial.findById(d.denialId()) == null) {
            Denial denial = new Denial();
            denial.denialId = d.denialId();
            denial.claimId = d.claimId();
            denial.practiceId = event.practiceId();
            denial.groupCode = d.groupCode();
            denial.reasonCode = d.reasonCode();
            denial.remarkCodes = d.remarkCodes() == null ? null : String.join(",", d.remarkCodes());
            denial.category = d.category();
            denial.amount = d.amount();
            denial.deniedOn = d.deniedOn();
            denial.appealDeadline = d.appealDeadline();
            denial.persist();
        }
        TimelineEntry.record(d.claimId(), event.practiceId(), at, "CLAIM_DENIED", "denied " + d.groupCode() + "-"
                + d.reasonCode() + " (" + d.category() + ") " + Money.format(d.amount()) + " on " + d.deniedOn()
                + (d.appealDeadline() != null ? ", appeal by " + d.appealDeadline() : ""), d.denialId());
        tasks.apply(d.claimId(), event.practiceId(), rules(event).claimDenied(d, day(event)), SYSTEM, at);
    }

    private void paymentPosted(EventEnvelope event, ClaimPaymentPosted p, Instant at) {
        locks.lock(p.claimId());
        ClaimSnapshot claim = ClaimSnapshot.findById(p.claimId());
        if (claim != null) {
            if (p.balanceAfter() != null) {
                claim.balance = p.balanceAfter();
            }
            if (p.statusAfter() != null) {
                claim.status = p.statusAfter();
            }
            claim.updatedAt = at;
        }
        if (p.paymentId() != null && PaymentRecord.findById(p.paymentId()) == null && p.amount() != null) {
            PaymentRecord payment = new PaymentRecord();
            payment.paymentId = p.paymentId();
            payment.claimId = p.claimId();
            payment.practiceId = event.practiceId();
            payment.amount = p.amount();
            payment.paidOn = p.paidOn();
            payment.method = p.method();
            payment.reference = p.reference();
            payment.persist();
        }
        TimelineEntry.record(p.claimId(), event.practiceId(), at, "PAYMENT_POSTED", Money.format(p.amount())
                + " posted on " + p.paidOn() + (p.method() != null ? " by " + p.method() : "")
                + (p.reference() != null ? " ref " + p.reference() : "") + ", balance " + Money.format(p.balanceAfter()),
                p.paymentId());
        tasks.apply(p.claimId(), event.practiceId(), rules(event).paymentPosted(p), SYSTEM, at);
    }

    private void statusChanged(EventEnvelope event, ClaimStatusChanged s, Instant at) {
        locks.lock(s.claimId());
        ClaimSnapshot claim = ClaimSnapshot.findById(s.claimId());
        if (claim != null) {
            claim.status = s.toStatus();
            claim.updatedAt = at;
        }
        if (s.source() != null) {
            TimelineEntry.record(s.claimId(), event.practiceId(), at, "PAYER_STATUS", "payer status "
                    + (s.statusCodes() != null ? String.join(" ", s.statusCodes()) : s.statusCategory())
                    + (s.effectiveOn() != null ? " on " + s.effectiveOn() : "") + " via " + s.source()
                    + (Boolean.TRUE.equals(s.rejected()) ? " (rejected)" : "")
                    + (Objects.equals(s.fromStatus(), s.toStatus()) ? "" : ", " + s.fromStatus() + " → " + s.toStatus()), null);
        } else {
            TimelineEntry.record(s.claimId(), event.practiceId(), at, "STATUS_CHANGED", s.fromStatus() + " → " + s.toStatus()
                    + (s.reason() != null ? " (" + s.reason() + ")" : ""), null);
        }
        FollowUpRules practiceRules = rules(event);
        List<TaskAction> actions = new ArrayList<>(practiceRules.claimStatusChanged(s.toStatus()));
        actions.addAll(practiceRules.payerStatus(s, day(event)));
        tasks.apply(s.claimId(), event.practiceId(), actions, SYSTEM, at);
    }

    private void appealFiled(EventEnvelope event, AppealFiled a, Instant at) {
        locks.lock(a.claimId());
        TimelineEntry.record(a.claimId(), event.practiceId(), at, "APPEAL_FILED", "appeal level " + a.level()
                + " filed on " + a.filedOn() + (a.deadline() != null ? ", payer decides by " + a.deadline() : ""),
                a.appealId());
        tasks.apply(a.claimId(), event.practiceId(), rules(event).appealFiled(a), SYSTEM, at);
    }

    private void writtenOff(EventEnvelope event, ClaimWrittenOff w, Instant at) {
        locks.lock(w.claimId());
        ClaimSnapshot claim = ClaimSnapshot.findById(w.claimId());
        if (claim != null) {
            claim.status = "WRITTEN_OFF";
            claim.updatedAt = at;
        }
        TimelineEntry.record(w.claimId(), event.practiceId(), at, "WRITTEN_OFF", Money.format(w.amount()) + " written off"
                + (w.writtenOffBy() != null ? " by " + w.writtenOffBy() : "")
                + (w.reason() != null ? ": " + w.reason() : ""), null);
        List<TaskAction> actions = rules(event).writtenOff(w);
        tasks.apply(w.claimId(), event.practiceId(), actions, SYSTEM, at);
    }

    private void payerChanged(PayerChanged p, Instant at) {
        PayerInfo payer = PayerInfo.findById(p.payerId());
        if (payer == null) {
            payer = new PayerInfo();
            payer.payerId = p.payerId();
        }
        payer.name = p.name();
        payer.phone = p.phone();
        payer.appealWindowDays = p.appealWindowDays();
        payer.promiseGraceDays = p.promiseGraceDays();
        payer.updatedAt = at;
        payer.persist();
    }

    /** The snapshot, or a minimal one until the claim's first ClaimChanged arrives. */
    private static ClaimSnapshot snapshot(UUID claimId, String practiceId, String status) {
        ClaimSnapshot claim = ClaimSnapshot.findById(claimId);
        if (claim == null) {
            claim = newSnapshot(claimId, practiceId, status);
            claim.persist();
        } else {
            claim.status = status;
        }
        return claim;
    }

    private static ClaimSnapshot newSnapshot(UUID claimId, String practiceId, String status) {
        ClaimSnapshot claim = new ClaimSnapshot();
        claim.claimId = claimId;
        claim.practiceId = practiceId;
        claim.status = status;
        claim.balance = BigDecimal.ZERO;
        claim.snapshotVersion = -1;
        claim.updatedAt = Instant.now();
        return claim;
    }

    /** Rules with the event's practice settings; one instance per practice, built on first use. */
    private FollowUpRules rules(EventEnvelope event) {
        return rules(event.practiceId());
    }

    private FollowUpRules rules(String practiceId) {
        // ConcurrentHashMap takes no null key; a practice-less event gets the global settings
        return rules.computeIfAbsent(practiceId == null ? "" : practiceId,
                key -> new FollowUpRules(config.settings(practiceId)));
    }

    /** "Today" where the event's practice works. */
    private LocalDate day(EventEnvelope event) {
        return today.date(event.practiceId());
    }
}
