package com.ardesk.calls.promise;

import com.ardesk.calls.call.CallRecord;
import com.ardesk.calls.claim.ClaimProjection;
import com.ardesk.calls.plan.PaymentPlan;
import com.ardesk.events.Topics;
import com.ardesk.events.calls.PromiseBroken;
import com.ardesk.events.calls.PromiseKept;
import com.ardesk.events.calls.PromiseToPay;
import com.ardesk.events.claims.ClaimPaymentPosted;
import com.ardesk.kit.job.AdvisoryLocks;
import com.ardesk.kit.outbox.Outbox;
import com.ardesk.kit.problem.ProblemException;
import com.ardesk.kit.tenancy.Tenancy;
import com.ardesk.kit.time.PracticeClock;
import com.ardesk.kit.web.Cursors;
import com.ardesk.kit.web.Keyset;
import com.ardesk.kit.web.ETags;
import com.ardesk.kit.web.Page;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Promises to pay: made on a call, kept by a payment, broken by the sweep, or cancelled by a caller. */
@ApplicationScoped
public class PromiseService {
    /** Due first: expected on, then promise id. */
    private static final Keyset PAGES = Keyset.of("promises", 2);
    /** Advisory lock key of the broken-promise sweep: one replica sweeps at a time. */
    static final long SWEEP_LOCK = AdvisoryLocks.key("ardesk-calls-promise-sweep");
    static final int SWEEP_BATCH = 500;
    /** The payerId of a patient's promise (a payment-plan installment). */
    public static final String PATIENT = "PATIENT";

    private final Outbox outbox;
    private final ClaimProjection projection;
    private final PromiseConfig config;
    private final Tenancy tenancy;
    private final PracticeClock clock;

    public PromiseService(Outbox outbox, ClaimProjection projection, PromiseConfig config, Tenancy tenancy,
                          PracticeClock clock) {
        this.outbox = outbox;
        this.projection = projection;
        this.config = config;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    /** Records the promise a call carries and announces it; part of the call's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PromiseView open(CallRecord call, PromiseTerms terms, UUID claimId) {
        // the practice's own terms with the payer first: its contract may grant other grace days
        Integer payerGrace = projection.promiseGraceDays(call.practiceId, call.payerId, terms.expectedOn()).orElse(null);
        Promise p = new Promise();
        p.promiseId = UUID.randomUUID();
        p.callId = call.callId;
        p.practiceId = call.practiceId;
        p.claimId = claimId;
        p.payerId = call.payerId;
        p.amount = terms.amount();
        p.expectedOn = terms.expectedOn();
        p.method = terms.method();
        p.reference = terms.reference() == null || terms.reference().isBlank() ? null : terms.reference().trim();
        p.graceDays = BrokenPromiseRule.graceDays(terms.method(), payerGrace, config.checkGraceDays(), config.eftGraceDays());
        p.brokenAfter = BrokenPromiseRule.lastGraceDay(p.expectedOn, p.graceDays);
        p.status = PromiseStatus.OPEN;
        p.createdAt = call.createdAt;
        p.updatedAt = call.createdAt;
        p.persist();
        outbox.append(Topics.CALLS, "promise", claimId.toString(), p.practiceId, new PromiseToPay(p.promiseId,
                p.callId, claimId, p.payerId, p.amount, p.expectedOn, p.method.name(), p.reference));
        return PromiseView.of(p);
    }

    /**
     * Records one installment of a payment plan as a promise of the patient (payerId PATIENT) on the
     * plan's first claim; a payment posted to any claim of the plan can keep it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PromiseView openInstallment(PaymentPlan plan, int installmentNo, LocalDate dueOn, BigDecimal amount) {
        Promise p = new Promise();
        p.promiseId = UUID.randomUUID();
        p.planId = plan.planId;
        p.installmentNo = installmentNo;
        p.practiceId = plan.practiceId;
        p.claimId = plan.claimIds.get(0);
        p.payerId = PATIENT;
        p.amount = amount;
        p.expectedOn = dueOn;
        p.method = plan.method;
        p.graceDays = BrokenPromiseRule.graceDays(plan.method, null, config.checkGraceDays(), config.eftGraceDays());
        p.brokenAfter = BrokenPromiseRule.lastGraceDay(dueOn, p.graceDays);
        p.status = PromiseStatus.OPEN;
        p.createdAt = plan.createdAt;
        p.updatedAt = plan.createdAt;
        p.persist();
        outbox.append(Topics.CALLS, "promise", p.claimId.toString(), p.practiceId, new PromiseToPay(p.promiseId,
                plan.callId, p.claimId, PATIENT, amount, dueOn, p.method.name(), null));
        return PromiseView.of(p);
    }

    /** The installments of a plan in order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<PromiseView> installments(UUID planId) {
        return Promise.<Promise>list("planId", Sort.by("installmentNo"), planId).stream().map(PromiseView::of).toList();
    }

    /** The promise of a call, if it carries one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<PromiseView> ofCall(UUID callId) {
        return Promise.<Promise>find("callId", callId).firstResultOptional().map(PromiseView::of);
    }

    /**
     * A payment was posted: the open promise it covers (paid by the last grace day) becomes KEPT and
     * PromiseKept is emitted. Runs in the consumer's transaction, after its event-id check, and
     * only OPEN promises qualify, so a payment delivered twice keeps one promise once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void paymentPosted(String practiceId, ClaimPaymentPosted payment) {
        if (payment.claimId() == null || payment.amount() == null || payment.amount().signum() <= 0) {
            return;
        }
        List<Promise> open = Promise.<Promise>find("status = ?2 and (claimId = ?1 or planId in "
                        + "(select pl.planId from PaymentPlan pl where ?1 member of pl.claimIds))",
                        payment.claimId(), PromiseStatus.OPEN)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        LocalDate paidOn = payment.paidOn() != null ? payment.paidOn() : clock.today(practiceId);
        List<PromiseMatcher.Open> candidates = open.stream()
                .filter(p -> practiceId == null || p.practiceId.equals(practiceId))
                .filter(p -> !BrokenPromiseRule.isBroken(p.brokenAfter, paidOn))
                .map(p -> new PromiseMatcher.Open(p.promiseId, p.amount, p.reference, p.expectedOn))
                .toList();
        PromiseMatcher.kept(new PromiseMatcher.Payment(payment.amount(), payment.reference()), candidates,
                config.amountTolerance()).ifPresent(match -> {
            Promise p = open.stream().filter(o -> o.promiseId.equals(match.promiseId())).findFirst().orElseThrow();
            p.status = PromiseStatus.KEPT;
            p.paymentId = payment.paymentId();
            p.paidAmount = payment.amount();
            p.settledOn = paidOn;
            p.updatedAt = Instant.now();
            outbox.append(Topics.CALLS, "promise", p.claimId.toString(), p.practiceId,
                    new PromiseKept(p.promiseId, p.claimId, payment.paymentId(), payment.amount(), paidOn));
        });
    }

    /** The promises of several calls at once, by call id, for list pages. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, PromiseView> ofCalls(Collection<UUID> callIds) {
        if (callIds.isEmpty()) {
            return Map.of();
        }
        return Promise.<Promise>list("callId in ?1", callIds).stream()
                .collect(Collectors.toMap(p -> p.callId, PromiseView::of));
    }

    @Transactional
    public PromiseView get(UUID promiseId) {
        return PromiseView.of(visible(promiseId));
    }

    /** Promises of the token's practices, due first; {@code dueBefore} is exclusive. */
    @Transactional
    public Page<PromiseView> list(PromiseStatus status, UUID claimId, LocalDate dueBefore, String practiceId,
                                  Integer limit, String cursor) {
        Keyset.Request page = PAGES.request(limit, cursor, status, claimId, dueBefore, practiceId);
        StringBuilder q = new StringBuilder("practiceId in :practices");
        Parameters params = Parameters.with("practices", tenancy.practices());
        if (practiceId != null) {
            q.append(" and practiceId = :practiceId");
            params.and("practiceId", practiceId);
        }
        if (status != null) {
            q.append(" and status = :status");
            params.and("status", status);
        }
        if (claimId != null) {
            q.append(" and claimId = :claimId");
            params.and("claimId", claimId);
        }
        if (dueBefore != null) {
            q.append(" and expectedOn < :dueBefore");
            params.and("dueBefore", dueBefore);
        }
        if (page.after() != null) {
            params.and("afterDate", page.after().date(0)).and("afterId", page.after().uuid(1));
            q.append(" and (expectedOn > :afterDate or (expectedOn = :afterDate and promiseId > :afterId))");
        }
        if (tenancy.practices().isEmpty()) {
            return new Page<>(List.of(), null);
        }
        List<Promise> rows = Promise.<Promise>find(q.toString(), Sort.by("expectedOn").and("promiseId"), params)
                .page(0, page.fetch()).list();
        return page.page(rows, p -> List.of(p.expectedOn, p.promiseId), PromiseView::of);
    }

    /** The caller who took the promise, or a supervisor, withdraws it; only an OPEN promise can be cancelled. */
    @Transactional
    public PromiseView cancel(UUID promiseId, String reason, String ifMatch) {
        Promise p = visible(promiseId);
        ETags.requireMatch(ifMatch, p.version);
        Tenancy t = tenancy;
        String owner = p.callId != null ? CallRecord.<CallRecord>findById(p.callId).callerId
                : PaymentPlan.<PaymentPlan>findById(p.planId).createdBy;
        if (!t.hasRole("supervisor") && !t.hasRole("admin") && !owner.equals(t.user())) {
            throw new ProblemException(403, "forbidden", "Forbidden", "only the caller who took the promise or a "
                    + "supervisor may cancel it");
        }
        if (p.status != PromiseStatus.OPEN) {
            throw ProblemException.conflict("promise-not-open", "promise " + promiseId + " is " + p.status
                    + "; only an OPEN promise can be cancelled");
        }
        p.status = PromiseStatus.CANCELLED;
        p.cancelReason = reason;
        p.cancelledBy = t.user();
        p.settledOn = clock.today(p.practiceId);
        p.updatedAt = Instant.now();
        Promise.flush();
        return PromiseView.of(p);
    }

    /**
     * Breaks every OPEN promise whose last grace day is before today in its practice's zone (the day
     * followup-service shows it due, docs/domain.md#today-for-a-practice) and emits PromiseBroken, at
     * most {@link #SWEEP_BATCH} per call. Replicas compete for a transaction-scoped advisory lock; the
     * loser does nothing this round.
     *
     * @return how many promises were broken, or -1 if another replica holds the lock
     */
    @Transactional
    public int sweep() {
        if (!AdvisoryLocks.tryLock(Promise.getEntityManager(), SWEEP_LOCK)) {
            return -1;
        }
        Instant now = clock.now();
        // one query per distinct "today": practices in the default zone, then those with a zone of their own
        Map<LocalDate, List<String>> ownDays = clock.ownZones().keySet().stream()
                .collect(Collectors.groupingBy(practiceId -> clock.dateAt(now, practiceId)));
        List<Promise> due = new ArrayList<>(clock.ownZones().isEmpty()
                ? dueBefore(clock.dateAt(now, null), "", null, SWEEP_BATCH)
                : dueBefore(clock.dateAt(now, null), " and practiceId not in ?3", clock.ownZones().keySet(), SWEEP_BATCH));
        for (Map.Entry<LocalDate, List<String>> day : ownDays.entrySet()) {
            if (due.size() < SWEEP_BATCH) {
                due.addAll(dueBefore(day.getKey(), " and practiceId in ?3", day.getValue(), SWEEP_BATCH - due.size()));
            }
        }
        for (Promise p : due) {
            LocalDate today = clock.dateAt(now, p.practiceId);
            p.status = PromiseStatus.BROKEN;
            p.settledOn = today;
            p.updatedAt = now;
            outbox.append(Topics.CALLS, "promise", p.claimId.toString(), p.practiceId,
                    new PromiseBroken(p.promiseId, p.claimId, p.amount, p.expectedOn, today));
        }
        if (!due.isEmpty()) {
            Log.infof("%d promises broken at %s", due.size(), now);
        }
        return due.size();
    }

    /** OPEN promises past their last grace day as of {@code today}, oldest first; {@code practices} filters on ?3. */
    private static List<Promise> dueBefore(LocalDate today, String practices, Collection<String> practiceIds, int limit) {
        Object[] params = practiceIds == null ? new Object[]{PromiseStatus.OPEN, today}
                : new Object[]{PromiseStatus.OPEN, today, practiceIds};
        return Promise.<Promise>find("status = ?1 and brokenAfter < ?2" + practices,
                Sort.by("brokenAfter").and("promiseId"), params).page(0, limit).list();
    }

    private Promise visible(UUID promiseId) {
        Promise p = Promise.findById(promiseId);
        if (p == null) {
            throw ProblemException.notFound("promise", promiseId);
        }
        tenancy.requireVisible(p.practiceId, "promise", promiseId);
        return p;
    }
}
