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
import com.ardesk.followup.rules.FollowUpRules;
import com.ardesk.followup.rules.Money;
import com.ardesk.followup.rules.TaskAction;
import com.ardesk.followup.task.TaskEngine;
import com.ardesk.kit.jdbc.TextArrayColumns;
import com.ardesk.kit.time.PracticeClock;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Applies {@code ar.claims.v1} events: read model first, then the rules on the updated claim. */
@ApplicationScoped
public class ClaimProjection {
    static final String SYSTEM = "system";
    private static final String KNOWN = """
            select claim_id, practice_id, snapshot_version from claim_snapshot
            where claim_id = any(cast(? as uuid[]))""";
    private static final String UPSERT = """
            insert into claim_snapshot (claim_id, practice_id, external_claim_id, payer_id, status, billed_amount,
              paid_amount, adjustment_amount, patient_responsibility, balance, service_date_from, service_date_to,
              submitted_on, timely_filing_deadline, appeal_deadline, denial_category, snapshot_version, updated_at)
            select cast(i as uuid), p, e, y, s, cast(bi as numeric), cast(pa as numeric), cast(ad as numeric),
              cast(pr as numeric), cast(ba as numeric), cast(sf as date), cast(st as date), cast(so as date),
              cast(tf as date), cast(ap as date), d, cast(v as bigint), cast(u as timestamptz)
            from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
              cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
              cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
              cast(? as text[]), cast(? as text[]), cast(? as text[]))
              as r(i, p, e, y, s, bi, pa, ad, pr, ba, sf, st, so, tf, ap, d, v, u)
            on conflict (claim_id) do update set external_claim_id = excluded.external_claim_id,
              payer_id = excluded.payer_id, status = excluded.status, billed_amount = excluded.billed_amount,
              paid_amount = excluded.paid_amount, adjustment_amount = excluded.adjustment_amount,
              patient_responsibility = excluded.patient_responsibility, balance = excluded.balance,
              service_date_from = excluded.service_date_from, service_date_to = excluded.service_date_to,
              submitted_on = excluded.submitted_on, timely_filing_deadline = excluded.timely_filing_deadline,
              appeal_deadline = excluded.appeal_deadline, denial_category = excluded.denial_category,
              snapshot_version = excluded.snapshot_version, updated_at = excluded.updated_at""";

    private final TaskEngine tasks;
    private final ClaimLocks locks;
    private final PracticeRules rules;
    private final PracticeClock clock;
    private final AgroalDataSource dataSource;
    private final EntityManager em;

    public ClaimProjection(TaskEngine tasks, ClaimLocks locks, PracticeRules rules, PracticeClock clock,
                           AgroalDataSource dataSource, EntityManager em) {
        this.tasks = tasks;
        this.locks = locks;
        this.rules = rules;
        this.clock = clock;
        this.dataSource = dataSource;
        this.em = em;
    }

    /** A {@code ClaimChanged} with its envelope and the time it counts from. */
    private record Change(EventEnvelope event, ClaimChanged changed, Instant at) {
    }

    /** A change that applies (not older than the snapshot), with the practice the claim belongs to. */
    private record Applied(Change change, String practiceId) {
    }

    /** What the read model already holds of a claim. */
    private record Known(String practiceId, long snapshotVersion) {
    }

    /**
     * Several {@code ClaimChanged} in topic order with the effect of {@link #apply} on each in turn,
     * in a handful of statements per group instead of several round trips per event. A group holds
     * each claim at most once (a repeat starts the next group), and rules only touch their own
     * claim's rows, so writing the group's snapshots first and running each claim's rules after is
     * the same as one event after the other.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyClaimChanges(List<EventEnvelope> events) {
        List<Change> group = new ArrayList<>();
        Set<UUID> inGroup = new HashSet<>();
        for (EventEnvelope event : events) {
            ClaimChanged changed = EventJson.payload(event, ClaimChanged.class);
            if (!inGroup.add(changed.claimId())) {
                claimsChanged(group);
                group.clear();
                inGroup.clear();
                inGroup.add(changed.claimId());
            }
            group.add(new Change(event, changed, event.occurredAt() != null ? event.occurredAt() : clock.now()));
        }
        claimsChanged(group);
    }

    private void claimsChanged(List<Change> group) {
        if (group.size() <= 1) {
            group.forEach(c -> claimChanged(c.event(), c.changed(), c.at()));
            return;
        }
        // what Hibernate holds goes to the table first, and nothing it caches can be stale after the upsert
        em.flush();
        em.clear();
        List<UUID> ids = group.stream().map(c -> c.changed().claimId()).toList();
        locks.lockAll(ids);
        Map<UUID, Known> known = known(ids);
        List<Applied> applied = new ArrayList<>(group.size());
        for (Change change : group) {
            Known k = known.get(change.changed().claimId());
            if (k == null) {
                applied.add(new Applied(change, change.event().practiceId()));
            } else if (change.changed().version() >= k.snapshotVersion()) {
                applied.add(new Applied(change, k.practiceId()));
            }
            // else an older snapshot overtaken by a newer one
        }
        upsert(applied);
        Set<UUID> withOpenTasks = tasks.claimsWithOpenTasks(ids);
        for (Applied a : applied) {
            ClaimChanged c = a.change().changed();
            List<TaskAction> actions = rules.of(a.practiceId()).claimSnapshot(c.status(), balance(c), c.appealDeadline(),
                    c.timelyFilingDeadline(), clock.today(a.practiceId()));
            // closing and cancelling act on open tasks only: without one (nor one to open, nor to
            // re-score) the task engine would find nothing to do
            if (withOpenTasks.contains(c.claimId()) || actions.stream().anyMatch(TaskAction.Open.class::isInstance)) {
                tasks.apply(c.claimId(), a.practiceId(), actions, SYSTEM, a.change().at());
            }
        }
    }

    private Map<UUID, Known> known(List<UUID> ids) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(KNOWN)) {
            s.setArray(1, c.createArrayOf("text", ids.stream().map(UUID::toString).toArray()));
            Map<UUID, Known> known = new HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    known.put(rs.getObject(1, UUID.class), new Known(rs.getString(2), rs.getLong(3)));
                }
            }
            return known;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read " + ids.size() + " claim snapshot(s)", e);
        }
    }

    private void upsert(List<Applied> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(UPSERT)) {
            new TextArrayColumns<>(c, s, rows)
                    .add(r -> r.change().changed().claimId())
                    .add(Applied::practiceId)
                    .add(r -> r.change().changed().externalClaimId())
                    .add(r -> r.change().changed().payerId())
                    .add(r -> r.change().changed().status())
                    .add(r -> r.change().changed().billedAmount())
                    .add(r -> r.change().changed().paidAmount())
                    .add(r -> r.change().changed().adjustmentAmount())
                    .add(r -> r.change().changed().patientResponsibility())
                    .add(r -> balance(r.change().changed()))
                    .add(r -> r.change().changed().serviceDateFrom())
                    .add(r -> r.change().changed().serviceDateTo())
                    .add(r -> r.change().changed().submittedOn())
                    .add(r -> r.change().changed().timelyFilingDeadline())
                    .add(r -> r.change().changed().appealDeadline())
                    .add(r -> r.change().changed().denialCategory())
                    .add(r -> r.change().changed().version())
                    .add(r -> r.change().at());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write " + rows.size() + " claim snapshot(s)", e);
        }
    }

    private static BigDecimal balance(ClaimChanged c) {
        return c.balance() != null ? c.balance() : BigDecimal.ZERO;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope event) {
        Instant at = event.occurredAt() != null ? event.occurredAt() : clock.now();
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
        claim.balance = balance(c);
        claim.serviceDateFrom = c.serviceDateFrom();
        claim.serviceDateTo = c.serviceDateTo();
        claim.submittedOn = c.submittedOn();
        claim.timelyFilingDeadline = c.timelyFilingDeadline();
        claim.appealDeadline = c.appealDeadline();
        claim.denialCategory = c.denialCategory();
        claim.snapshotVersion = c.version();
        claim.updatedAt = at;
        claim.persist();
        tasks.apply(claim.claimId, claim.practiceId, rules.of(claim.practiceId).claimSnapshot(claim.status, claim.balance,
                claim.appealDeadline, claim.timelyFilingDeadline, clock.today(claim.practiceId)), SYSTEM, at);
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
        tasks.apply(d.claimId(), event.practiceId(), rules.of(event).claimDenied(d, day(event)), SYSTEM, at);
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
        tasks.apply(p.claimId(), event.practiceId(), rules.of(event).paymentPosted(p), SYSTEM, at);
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
        FollowUpRules practiceRules = rules.of(event);
        List<TaskAction> actions = new ArrayList<>(practiceRules.claimStatusChanged(s.toStatus()));
        actions.addAll(practiceRules.payerStatus(s, day(event)));
        tasks.apply(s.claimId(), event.practiceId(), actions, SYSTEM, at);
    }

    private void appealFiled(EventEnvelope event, AppealFiled a, Instant at) {
        locks.lock(a.claimId());
        TimelineEntry.record(a.claimId(), event.practiceId(), at, "APPEAL_FILED", "appeal level " + a.level()
                + " filed on " + a.filedOn() + (a.deadline() != null ? ", payer decides by " + a.deadline() : ""),
                a.appealId());
        tasks.apply(a.claimId(), event.practiceId(), rules.of(event).appealFiled(a), SYSTEM, at);
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
        List<TaskAction> actions = rules.of(event).writtenOff(w);
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

    /** "Today" where the event's practice works. */
    private LocalDate day(EventEnvelope event) {
        return clock.today(event.practiceId());
    }
}
