package com.ardesk.followup.prep;

import com.ardesk.followup.projection.CallScriptCopy;
import com.ardesk.followup.projection.ClaimSnapshot;
import com.ardesk.followup.projection.Denial;
import com.ardesk.followup.projection.PayerInfo;
import com.ardesk.followup.projection.PaymentRecord;
import com.ardesk.followup.projection.Promise;
import com.ardesk.followup.projection.TimelineEntry;
import com.ardesk.followup.rules.FollowUpRules;
import com.ardesk.followup.task.TaskEngine;
import com.ardesk.followup.task.TaskView;
import com.ardesk.kit.aging.AgingBucket;
import com.ardesk.kit.aging.AgingCalculator;
import com.ardesk.kit.problem.ProblemException;
import com.ardesk.kit.script.ScriptMatcher;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ardesk.kit.tenancy.Tenancy;
import com.ardesk.kit.time.PracticeClock;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Builds call-preparation packets and timelines from the read model alone (no call to other services). */
@ApplicationScoped
public class PrepService {
    static final int LAST_CALLS = 5;

    private final TaskEngine tasks;
    private final Tenancy tenancy;
    private final PracticeClock clock;
    private static final TypeReference<List<String>> STEPS = new TypeReference<>() {
    };
    private static final TypeReference<List<PrepPacket.Objection>> OBJECTIONS = new TypeReference<>() {
    };

    private final EntityManager em;
    private final ObjectMapper json;

    public PrepService(TaskEngine tasks, Tenancy tenancy, PracticeClock clock, EntityManager em, ObjectMapper json) {
        this.tasks = tasks;
        this.tenancy = tenancy;
        this.clock = clock;
        this.em = em;
        this.json = json;
    }

    @Transactional
    public PrepPacket prep(String claimIdText) {
        ClaimSnapshot claim = visibleClaim(claimIdText);
        return packet(claim);
    }

    /** The packet for a claim the caller was already allowed to see (the next-call lease). */
    @Transactional(Transactional.TxType.MANDATORY)
    public PrepPacket packet(ClaimSnapshot claim) {
        LocalDate day = clock.today(claim.practiceId);
        PayerInfo payer = claim.payerId != null ? PayerInfo.findById(claim.payerId) : null;
        int agingDays = (int) AgingCalculator.agingDays(tasks.agingFrom(claim.submittedOn, claim.serviceDateFrom), day);
        PrepPacket.ClaimInfo info = new PrepPacket.ClaimInfo(claim.claimId, claim.practiceId, claim.externalClaimId,
                claim.status, claim.payerId, payer != null ? payer.name : null, payer != null ? payer.phone : null,
                claim.billedAmount, claim.paidAmount, claim.adjustmentAmount, claim.patientResponsibility, claim.balance,
                claim.serviceDateFrom, claim.serviceDateTo, claim.submittedOn, agingDays, AgingBucket.of(agingDays).label());

        List<PrepPacket.DenialInfo> denials = Denial.<Denial>list("claimId", Sort.by("deniedOn").descending(), claim.claimId)
                .stream().map(d -> new PrepPacket.DenialInfo(d.denialId, d.groupCode, d.reasonCode,
                        d.remarkCodes == null || d.remarkCodes.isEmpty() ? List.of() : Arrays.asList(d.remarkCodes.split(",")),
                        d.category, d.amount, d.deniedOn, d.appealDeadline)).toList();
        List<PrepPacket.PromiseInfo> promises = Promise.<Promise>list("claimId",
                        Sort.by("expectedOn").descending(), claim.claimId).stream()
                .map(p -> new PrepPacket.PromiseInfo(p.promiseId, p.amount, p.expectedOn, p.method, p.reference,
                        p.status, p.settledOn)).toList();

        List<PrepPacket.PaymentInfo> payments = PaymentRecord.<PaymentRecord>list("claimId",
                        Sort.by("paidOn").descending(), claim.claimId).stream()
                .map(p -> new PrepPacket.PaymentInfo(p.paymentId, p.amount, p.paidOn, p.method, p.reference)).toList();

        List<PrepPacket.Deadline> deadlines = new ArrayList<>();
        if (claim.appealDeadline != null && "DENIED".equals(claim.status)) {
            deadlines.add(deadline("APPEAL", claim.appealDeadline, day));
        }
        if (claim.timelyFilingDeadline != null && FollowUpRules.AWAITING_PAYER.contains(claim.status)) {
            deadlines.add(deadline("TIMELY_FILING", claim.timelyFilingDeadline, day));
        }
        promises.stream().filter(p -> "OPEN".equals(p.status()) && p.expectedOn() != null)
                .forEach(p -> deadlines.add(deadline("PROMISE", p.expectedOn(), day)));
        deadlines.sort(Comparator.comparing(PrepPacket.Deadline::on));

        List<PrepPacket.CallInfo> calls = lastCalls(claim.claimId);
        String category = claim.denialCategory != null ? claim.denialCategory
                : denials.isEmpty() ? null : denials.get(0).category();
        PrepPacket.ScriptHint hint = new PrepPacket.ScriptHint(claim.payerId, claim.status, category,
                calls.isEmpty() ? null : calls.get(0).outcome());
        List<TaskView> open = tasks.openTasks(claim.claimId).stream().map(TaskView::from).toList();
        return new PrepPacket(info, deadlines, denials, calls, promises, payments, open, script(claim.practiceId, hint),
                hint);
    }

    /**
     * The script that fits, chosen by the same {@link ScriptMatcher} calls-service's match endpoint uses,
     * among the defaults and the claim's practice's own scripts (copied from CallScriptChanged events).
     */
    private PrepPacket.Script script(String practiceId, PrepPacket.ScriptHint hint) {
        List<ScriptMatcher.Candidate<CallScriptCopy>> candidates = CallScriptCopy.<CallScriptCopy>list(
                        "practiceId is null or practiceId = ?1", practiceId).stream()
                .map(s -> new ScriptMatcher.Candidate<>(s, s.name,
                        new ScriptMatcher.Criteria(s.denialCategory, s.claimStatus, s.payerId, s.outcome),
                        s.practiceId != null))
                .toList();
        return ScriptMatcher.best(candidates, new ScriptMatcher.Situation(hint.denialCategory(), hint.status(),
                        hint.payerId(), hint.lastOutcome()))
                .map(m -> {
                    CallScriptCopy s = m.script();
                    return new PrepPacket.Script(s.scriptId, s.practiceId, s.name, s.opening, s.objective,
                            read(s.steps, STEPS), read(s.objections, OBJECTIONS), m.score(), m.why());
                })
                .orElse(null);
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored call script is unreadable", e);
        }
    }

    @Transactional
    public TimelineView timeline(String claimIdText) {
        UUID claimId = claimId(claimIdText);
        ClaimSnapshot claim = ClaimSnapshot.findById(claimId);
        List<TimelineEntry> entries = TimelineEntry.list("claimId", Sort.by("occurredAt").and("id"), claimId);
        // calls and promises can reach us before the claim's first snapshot: their practice decides then
        String practiceId = claim != null ? claim.practiceId : entries.isEmpty() ? null : entries.get(0).practiceId;
        tenancy.requireVisible(practiceId, "claim", claimIdText);
        return new TimelineView(claimId, entries.stream()
                .map(e -> new TimelineView.Entry(e.occurredAt, e.kind, e.summary, e.refId)).toList());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ClaimSnapshot visibleClaim(String claimIdText) {
        UUID claimId = claimId(claimIdText);
        ClaimSnapshot claim = ClaimSnapshot.findById(claimId);
        tenancy.requireVisible(claim != null ? claim.practiceId : null, "claim", claimIdText);
        return claim;
    }

    private List<PrepPacket.CallInfo> lastCalls(UUID claimId) {
        List<?> rows = em.createNativeQuery("""
                        select call_id, started_at, caller_id, outcome, reference_number, rep_name, callback_at
                        from call_record where claim_id = ?1 order by started_at desc limit ?2""")
                .setParameter(1, claimId).setParameter(2, LAST_CALLS).getResultList();
        List<PrepPacket.CallInfo> calls = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            calls.add(new PrepPacket.CallInfo((UUID) r[0], instant(r[1]), (String) r[2], (String) r[3], (String) r[4],
                    (String) r[5], instant(r[6])));
        }
        return calls;
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }

    private static PrepPacket.Deadline deadline(String kind, LocalDate on, LocalDate day) {
        return new PrepPacket.Deadline(kind, on, ChronoUnit.DAYS.between(day, on));
    }

    private static UUID claimId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("claim", text);
        }
    }
}
