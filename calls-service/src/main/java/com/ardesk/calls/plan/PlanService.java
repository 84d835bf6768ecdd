package com.ardesk.calls.plan;

import com.ardesk.calls.call.CallRecord;
import com.ardesk.calls.claim.ClaimProjection;
import com.ardesk.calls.promise.PaymentMethod;
import com.ardesk.calls.promise.PromiseService;
import com.ardesk.calls.promise.PromiseStatus;
import com.ardesk.calls.promise.PromiseView;
import com.ardesk.kit.problem.FieldError;
import com.ardesk.kit.problem.ProblemException;
import com.ardesk.kit.tenancy.Tenancy;
import com.ardesk.kit.time.PracticeClock;
import com.ardesk.kit.web.Cursors;
import com.ardesk.kit.web.Keyset;
import com.ardesk.kit.web.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Payment plans negotiated with patients; each installment is tracked as a promise. */
@ApplicationScoped
public class PlanService {
    /** Newest first: created at, then plan id. */
    private static final Keyset PAGES = Keyset.of("plans", 2);

    private final ClaimProjection projection;
    private final PromiseService promises;
    private final Tenancy tenancy;
    private final PracticeClock clock;

    public PlanService(ClaimProjection projection, PromiseService promises, Tenancy tenancy, PracticeClock clock) {
        this.projection = projection;
        this.promises = promises;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    /** Creates a plan and one promise per installment (each announced as PromiseToPay). */
    @Transactional
    public PlanView create(PlanRequest body) {
        tenancy.requireVisible(body.practiceId(), "practice", body.practiceId());
        List<FieldError> errors = PlanRules.check(body.total(),
                body.installments().stream().map(PlanRequest.Installment::dueOn).toList(),
                body.installments().stream().map(PlanRequest.Installment::amount).toList(),
                clock.today(body.practiceId()));
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        projection.requireClaims("claimIds", body.claimIds(), body.practiceId(), tenancy);
        if (body.callId() != null) {
            CallRecord call = CallRecord.findById(body.callId());
            if (call == null || !call.practiceId.equals(body.practiceId())) {
                throw ProblemException.unprocessable("unknown-call", "callId is not a call of practice "
                        + body.practiceId(), List.of(new FieldError("callId", "is not a call of this practice")));
            }
        }
        PaymentPlan plan = new PaymentPlan();
        plan.planId = UUID.randomUUID();
        plan.practiceId = body.practiceId();
        plan.callId = body.callId();
        plan.claimIds = new ArrayList<>(body.claimIds());
        plan.patientAccount = body.patient().accountNumber();
        plan.patientName = body.patient().name();
        plan.total = body.total();
        plan.method = body.method() != null ? body.method() : PaymentMethod.CHECK;
        plan.createdBy = tenancy.user();
        plan.createdAt = Instant.now();
        plan.persist();
        for (int i = 0; i < body.installments().size(); i++) {
            PlanRequest.Installment installment = body.installments().get(i);
            promises.openInstallment(plan, i + 1, installment.dueOn(), installment.amount());
        }
        PaymentPlan.flush();
        return view(plan);
    }

    @Transactional
    public PlanView get(UUID planId) {
        PaymentPlan plan = PaymentPlan.findById(planId);
        if (plan == null) {
            throw ProblemException.notFound("payment plan", planId);
        }
        tenancy.requireVisible(plan.practiceId, "payment plan", planId);
        return view(plan);
    }

    /** Plans of the token's practices, newest first. */
    @Transactional
    public Page<PlanView> list(String practiceId, UUID claimId, String patientAccount, Integer limit, String cursor) {
        Keyset.Request page = PAGES.request(limit, cursor, practiceId, claimId, patientAccount);
        if (tenancy.practices().isEmpty()) {
            return new Page<>(List.of(), null);
        }
        StringBuilder q = new StringBuilder("practiceId in :practices");
        Parameters params = Parameters.with("practices", tenancy.practices());
        if (practiceId != null) {
            q.append(" and practiceId = :practiceId");
            params.and("practiceId", practiceId);
        }
        if (claimId != null) {
            q.append(" and :claimId member of claimIds");
            params.and("claimId", claimId);
        }
        if (patientAccount != null) {
            q.append(" and patientAccount = :account");
            params.and("account", patientAccount);
        }
        if (page.after() != null) {
            params.and("afterAt", page.after().instant(0)).and("afterId", page.after().uuid(1));
            q.append(" and (createdAt < :afterAt or (createdAt = :afterAt and planId < :afterId))");
        }
        List<PaymentPlan> rows = PaymentPlan.<PaymentPlan>find(q.toString(), Sort.descending("createdAt", "planId"),
                params).page(0, page.fetch()).list();
        return page.page(rows, p -> List.of(p.createdAt, p.planId), this::view);
    }

    private PlanView view(PaymentPlan plan) {
        List<PromiseView> installments = promises.installments(plan.planId);
        PlanStatus status = PlanRules.status(installments.stream().map(PromiseView::status).toList());
        BigDecimal paid = installments.stream().filter(i -> i.status() == PromiseStatus.KEPT)
                .map(PromiseView::paidAmount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new PlanView(plan.planId, plan.practiceId, List.copyOf(plan.claimIds),
                new PlanRequest.Patient(plan.patientAccount, plan.patientName), plan.total, plan.method, plan.callId,
                status, paid, installments, plan.createdBy, plan.createdAt);
    }
}
