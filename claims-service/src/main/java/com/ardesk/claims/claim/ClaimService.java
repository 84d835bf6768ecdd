package com.ardesk.claims.claim;

import com.ardesk.claims.appeal.Appeal;
import com.ardesk.claims.appeal.AppealView;
import com.ardesk.claims.denial.Denial;
import com.ardesk.claims.denial.DenialView;
import com.ardesk.claims.payer.DeadlineRules;
import com.ardesk.claims.payer.Payer;
import com.ardesk.claims.payer.PayerService;
import com.ardesk.claims.payer.ContractTerms;
import com.ardesk.claims.payment.AdjustmentInput;
import com.ardesk.claims.payment.Payment;
import com.ardesk.claims.payment.PaymentAdjustment;
import com.ardesk.claims.payment.PaymentView;
import com.ardesk.events.Topics;
import com.ardesk.events.claims.ClaimChanged;
import com.ardesk.events.claims.ClaimStatusChanged;
import com.ardesk.kit.aging.AgingBasis;
import com.ardesk.kit.aging.AgingBucket;
import com.ardesk.kit.aging.AgingCalculator;
import com.ardesk.kit.aging.AgingConfig;
import com.ardesk.kit.outbox.Outbox;
import com.ardesk.kit.problem.FieldError;
import com.ardesk.kit.problem.ProblemException;
import com.ardesk.kit.tenancy.Tenancy;
import com.ardesk.kit.time.PracticeClock;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Claims: create, idempotent upsert, reads, and the shared steps every money change needs (status
 * moves, views, the ClaimChanged snapshot). Every change writes its events through the outbox in
 * the same transaction.
 */
@ApplicationScoped
public class ClaimService {
    /** What an upsert did, as the API reports it. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    public record Upserted(Claim claim, Outcome outcome) {
    }

    private final Outbox outbox;
    private final PayerService payers;
    private final PracticeClock calendar;
    private final AgingConfig config;
    private final Tenancy tenancy;

    public ClaimService(Outbox outbox, PayerService payers, PracticeClock calendar, AgingConfig config,
                        Tenancy tenancy) {
        this.outbox = outbox;
        this.payers = payers;
        this.calendar = calendar;
        this.config = config;
        this.tenancy = tenancy;
    }

    /** POST: creates the claim, or 409 when the PM system's id already exists for the practice. */
    @Transactional
    public ClaimView create(ClaimInput input) {
        checkInput(input);
        if (findByExternalId(input.practiceId(), input.externalClaimId()).isPresent()) {
            throw ProblemException.conflict("duplicate-claim", "claim " + input.externalClaimId()
                    + " already exists for practice " + input.practiceId() + "; PUT it to update");
        }
        return view(insert(input, now()));
    }

    /**
     * PUT: creates, updates, or recognises an identical resend and changes nothing. An If-Match
     * must name the stored version (412 otherwise, also when there is no claim to match yet).
     */
    @Transactional
    public Upserted upsert(String practiceId, String externalClaimId, ClaimInput input, String ifMatch) {
        List<FieldError> pathErrors = new ArrayList<>();
        if (input != null && input.practiceId() != null && !input.practiceId().equals(practiceId)) {
            pathErrors.add(new FieldError("practiceId", "must match the path's practiceId " + practiceId));
        }
        if (input != null && input.externalClaimId() != null && !input.externalClaimId().equals(externalClaimId)) {
            pathErrors.add(new FieldError("externalClaimId", "must match the path's externalClaimId"));
        }
        ClaimInput body = input == null ? null : withIds(input, practiceId, externalClaimId);
        checkInput(body, pathErrors);
        // concurrent upserts of one claim queue here, one transaction after the other, instead of
        // colliding on its unique key (two inserts) or its version (two updates)
        Claim.getEntityManager().createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtextextended(?1, 0))) l")
                .setParameter(1, practiceId + '\u001f' + externalClaimId).getSingleResult();
        Optional<Claim> existing = findByExternalId(body.practiceId(), body.externalClaimId());
        if (existing.isPresent()) {
            com.ardesk.kit.web.ETags.requireMatch(ifMatch, existing.get().version);
        } else if (ifMatch != null && !ifMatch.isBlank()) {
            throw new ProblemException(412, "stale-etag", "Precondition failed", "If-Match " + ifMatch
                    + " names a version, but practice " + practiceId + " has no claim " + externalClaimId
                    + "; send the PUT without If-Match to create it");
        }
        return apply(body, now(), existing, contentHash(body));
    }

    Upserted apply(ClaimInput input, Instant now) {
        return apply(input, now, findByExternalId(input.practiceId(), input.externalClaimId()), contentHash(input));
    }

    /**
     * Stores one validated input, whose content hash is {@code hash}, against the claim it names, if
     * any; the batch preloads those claims and has the hash from the claim it tried to insert.
     */
    Upserted apply(ClaimInput input, Instant now, Optional<Claim> existing, String hash) {
        if (existing.isEmpty()) {
            return new Upserted(insert(input, now), Outcome.CREATED);
        }
        Claim claim = existing.get();
        if (hash.equals(claim.contentHash)) {
            return new Upserted(claim, Outcome.UNCHANGED);
        }
        fill(claim, input, hash);
        claim.updatedAt = now;
        ClaimMoney.recompute(claim);
        Claim.flush();
        announce(claim);
        return new Upserted(claim, Outcome.UPDATED);
    }

    /** Validation errors of one input (payer existence included), for the batch's per-item results. */
    List<FieldError> problemsOf(ClaimInput input, Map<String, Boolean> knownPayers) {
        List<FieldError> errors = ClaimValidator.validate(input,
                input == null || input.practiceId() == null ? LocalDate.now() : calendar.today(input.practiceId()));
        if (input != null && input.payerId() != null && errors.stream().noneMatch(e -> e.field().equals("payerId"))
                && !knownPayers.computeIfAbsent(input.payerId(), id -> Payer.findById(id) != null)) {
            errors.add(new FieldError("payerId", "is not a known payer; PUT /api/v1/payers/" + input.payerId() + " first"));
        }
        return errors;
    }

    @Transactional
    public ClaimView get(UUID claimId) {
        return view(requireVisible(claimId));
    }

    /** The claim if the caller's practices include it; otherwise 404, exactly as if it did not exist. */
    public Claim requireVisible(UUID claimId) {
        Claim claim = Claim.findById(claimId);
        if (claim == null || !tenancy.canSee(claim.practiceId)) {
            throw ProblemException.notFound("claim", claimId);
        }
        return claim;
    }

    /** Statuses a person may set directly; the others follow from money and denials. */
    static final java.util.Set<ClaimStatus> MANUAL = java.util.EnumSet.of(ClaimStatus.IN_PROCESS, ClaimStatus.SUBMITTED,
            ClaimStatus.CLOSED);

    @Transactional
    public ClaimView changeStatus(UUID claimId, StatusChange change, String ifMatch) {
        Claim claim = requireVisible(claimId);
        com.ardesk.kit.web.ETags.requireMatch(ifMatch, claim.version);
        List<FieldError> errors = new ArrayList<>();
        if (change == null || change.status() == null) {
            errors.add(new FieldError("status", "is required"));
        } else if (!MANUAL.contains(change.status())) {
            errors.add(new FieldError("status", "must be IN_PROCESS, SUBMITTED or CLOSED; " + change.status()
                    + " follows from payments, denials, appeals or write-offs"));
        }
        if (change != null && change.reason() != null && change.reason().length() > 500) {
            errors.add(new FieldError("reason", "must be at most 500 characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        moveTo(claim, change.status(), "change the status", change.reason());
        claim.updatedAt = now();
        announce(claim);
        return view(claim);
    }

    /** Moves the claim's status (409 naming both states if not allowed) and announces the move. */
    public void moveTo(Claim claim, ClaimStatus next, String action, String reason) {
        ClaimStatus from = claim.status;
        from.requireMoveTo(next, action);
        if (from != next) {
            claim.status = next;
            outbox.append(Topics.CLAIMS, "claim", claim.claimId.toString(), claim.practiceId,
                    new ClaimStatusChanged(claim.claimId, from.name(), next.name(), reason));
        }
    }

    /** Sends the full snapshot every consumer projects from; call after each change. */
    public void announce(Claim claim) {
        // flushed first so the snapshot carries the version the change produced
        Claim.flush();
        announce(claim, latestDenial(claim.claimId));
    }

    /**
     * Sends the snapshot of each claim once, after a bulk change (a chunk of an 835): one flush and
     * one query for the latest denials of all of them, one outbox statement, instead of a flush and
     * two round trips per claim. Each claim's snapshot still follows its own events.
     */
    public void announceAll(java.util.Collection<Claim> changed) {
        if (changed.isEmpty()) {
            return;
        }
        Claim.flush();
        List<UUID> ids = changed.stream().map(c -> c.claimId).toList();
        @SuppressWarnings("unchecked")
        List<Denial> latest = Claim.getEntityManager().createNativeQuery("""
                        select distinct on (claim_id) * from denial where claim_id = any(cast(:ids as uuid[]))
                        order by claim_id, denied_on desc, created_at desc""", Denial.class)
                .setParameter("ids", ids.toArray(UUID[]::new)).getResultList();
        Map<UUID, Denial> byClaim = latest.stream().collect(Collectors.toMap(d -> d.claimId, d -> d));
        outbox.appendAll(changed.stream().map(c -> new Outbox.Pending(Topics.CLAIMS, "claim", c.claimId.toString(), c.practiceId,
                snapshot(c, Optional.ofNullable(byClaim.get(c.claimId))))).toList());
    }

    private void announce(Claim claim, Optional<Denial> latest) {
        outbox.append(Topics.CLAIMS, "claim", claim.claimId.toString(), claim.practiceId, snapshot(claim, latest));
    }

    /** The ClaimChanged event of a claim as it stands, with its latest denial if any. */
    ClaimChanged snapshot(Claim claim, Optional<Denial> latest) {
        ContractTerms rules = payers.contractTerms(claim.practiceId, claim.payerId);
        return new ClaimChanged(
                claim.claimId, claim.externalClaimId, claim.payerId, claim.status.name(), claim.billedAmount,
                claim.paidAmount, claim.adjustmentAmount, claim.patientResponsibility, claim.balance,
                claim.serviceDateFrom, claim.serviceDateTo, claim.submittedOn,
                DeadlineRules.timelyFilingDeadline(rules, claim.serviceDateFrom, claim.submittedOn).orElse(null),
                latest.map(d -> d.appealDeadline).orElse(null),
                latest.map(d -> d.category.name()).orElse(null), claim.version);
    }

    public Optional<Denial> latestDenial(UUID claimId) {
        return Denial.<Denial>find("claimId", Sort.by("deniedOn").descending().and("createdAt").descending(), claimId)
                .firstResultOptional();
    }

    public ClaimView view(Claim c) {
        ContractTerms rules = payers.contractTerms(c.practiceId, c.payerId);
        List<Denial> denials = Denial.list("claimId", Sort.by("deniedOn").and("createdAt"), c.claimId);
        List<Payment> payments = Payment.list("claimId", Sort.by("paidOn").and("createdAt"), c.claimId);
        Map<UUID, List<AdjustmentInput>> adjustments = payments.isEmpty() ? Map.of()
                : PaymentAdjustment.<PaymentAdjustment>list("paymentId in ?1", Sort.by("id"),
                        payments.stream().map(p -> p.paymentId).toList()).stream()
                .collect(Collectors.groupingBy(a -> a.paymentId,
                        Collectors.mapping(a -> new AdjustmentInput(a.groupCode, a.reasonCode, a.amount), Collectors.toList())));
        List<Appeal> appeals = Appeal.list("claimId", Sort.by("filedOn"), c.claimId);
        AgingBasis basis = config.basis();
        long agingDays = AgingCalculator.agingDays(AgingCalculator.basisDate(basis, c.submittedOn, c.serviceDateFrom),
                calendar.today(c.practiceId));
        LocalDate appealDeadline = denials.stream().max(Comparator.comparing((Denial d) -> d.deniedOn))
                .map(d -> d.appealDeadline).orElse(null);
        return new ClaimView(c.claimId, c.practiceId, c.externalClaimId,
                new ClaimInput.PatientInput(c.patientAccountNumber, c.patientFirstName, c.patientLastName, c.patientDateOfBirth),
                c.payerId, c.providerNpi, c.serviceDateFrom, c.serviceDateTo, c.submittedOn, c.status,
                c.billedAmount, c.paidAmount, c.adjustmentAmount, c.patientResponsibility, c.writtenOffAmount, c.balance,
                c.balance.signum() < 0, agingDays, AgingBucket.of(agingDays), basis,
                DeadlineRules.timelyFilingDeadline(rules, c.serviceDateFrom, c.submittedOn).orElse(null),
                appealDeadline, c.payerClaimControlNumber,
                c.lines.stream().map(l -> new ClaimView.LineView(l.lineNumber, l.procedureCode, ClaimLine.split(l.modifiers),
                        l.units, l.chargeAmount, ClaimLine.split(l.diagnosisCodes))).toList(),
                denials.stream().map(DenialView::from).toList(),
                payments.stream().map(p -> new PaymentView(p.paymentId, p.amount, p.paidOn, p.method, p.reference,
                        adjustments.getOrDefault(p.paymentId, List.of()), p.source)).toList(),
                appeals.stream().map(AppealView::from).toList(),
                c.createdAt, c.updatedAt, c.version);
    }

    private void checkInput(ClaimInput input) {
        checkInput(input, List.of());
    }

    private void checkInput(ClaimInput input, List<FieldError> earlier) {
        // another practice's claim is "not found", whatever else is wrong with the body
        if (input != null && input.practiceId() != null && ClaimValidator.PRACTICE_ID.matcher(input.practiceId()).matches()
                && !tenancy.canSee(input.practiceId())) {
            throw ProblemException.notFound("practice", input.practiceId());
        }
        List<FieldError> errors = new ArrayList<>(earlier);
        errors.addAll(problemsOf(input, new java.util.HashMap<>()));
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
    }

    private Claim insert(ClaimInput input, Instant now) {
        Claim claim = newClaim(input, now);
        claim.persist();
        // a new claim has version 0 and no denial: no flush or query needed, so batches stay batched
        announce(claim, Optional.empty());
        return claim;
    }

    /** A new SUBMITTED claim built from a validated input, not yet stored. */
    Claim newClaim(ClaimInput input, Instant now) {
        Claim claim = new Claim();
        claim.claimId = UUID.randomUUID();
        claim.practiceId = input.practiceId();
        claim.externalClaimId = input.externalClaimId();
        claim.status = ClaimStatus.SUBMITTED;
        claim.paidAmount = Money.ZERO;
        claim.adjustmentAmount = Money.ZERO;
        claim.patientResponsibility = Money.ZERO;
        claim.writtenOffAmount = Money.ZERO;
        claim.createdAt = now;
        claim.updatedAt = now;
        fill(claim, input, contentHash(input));
        ClaimMoney.recompute(claim);
        return claim;
    }

    private void fill(Claim claim, ClaimInput in, String hash) {
        claim.payerId = in.payerId();
        claim.providerNpi = in.providerNpi();
        claim.patientAccountNumber = in.patient().accountNumber();
        claim.patientFirstName = in.patient().firstName();
        claim.patientLastName = in.patient().lastName();
        claim.patientDateOfBirth = in.patient().dateOfBirth();
        claim.serviceDateFrom = in.serviceDateFrom();
        claim.serviceDateTo = in.serviceDateTo();
        claim.submittedOn = in.submittedOn() != null ? in.submittedOn()
                : claim.submittedOn != null ? claim.submittedOn : calendar.today(in.practiceId());
        claim.contentHash = hash;
        // lines are updated in place: deleting and re-inserting would collide on (claim, line number)
        BigDecimal billed = Money.ZERO;
        for (int i = 0; i < in.lines().size(); i++) {
            ClaimInput.LineInput l = in.lines().get(i);
            ClaimLine line;
            if (i < claim.lines.size()) {
                line = claim.lines.get(i);
            } else {
                line = new ClaimLine();
                line.lineId = UUID.randomUUID();
                line.claim = claim;
                line.lineNumber = i + 1;
                claim.lines.add(line);
            }
            line.procedureCode = l.procedureCode();
            line.modifiers = String.join(",", l.modifiers() == null ? List.of() : l.modifiers());
            line.units = l.units();
            line.chargeAmount = Money.cents(l.chargeAmount());
            line.diagnosisCodes = String.join(",", l.diagnosisCodes());
            billed = billed.add(line.chargeAmount);
        }
        while (claim.lines.size() > in.lines().size()) {
            claim.lines.remove(claim.lines.size() - 1);
        }
        claim.billedAmount = billed;
    }

    /** PostgreSQL keeps microseconds; so do we, or keyset cursors would miss rows. */
    static Instant now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /**
     * The stored claims among these PM ids of one practice, by PM id: one query for a whole batch
     * chunk. One natural-key probe per id (lateral), because with an IN list PostgreSQL may scan the
     * whole practice when its statistics lag behind a bulk load.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Claim> findByExternalIds(String practiceId, java.util.Collection<String> externalClaimIds) {
        List<Claim> found = Claim.getEntityManager().createNativeQuery("""
                        select c.* from unnest(cast(:ids as text[])) as k(external_claim_id)
                        cross join lateral (select * from claim
                          where practice_id = :practice and external_claim_id = k.external_claim_id) c""", Claim.class)
                .setParameter("ids", externalClaimIds.toArray(String[]::new))
                .setParameter("practice", practiceId)
                .getResultList();
        return found.stream().collect(Collectors.toMap(c -> c.externalClaimId, c -> c));
    }

    private static Optional<Claim> findByExternalId(String practiceId, String externalClaimId) {
        return Claim.<Claim>find("practiceId = ?1 and externalClaimId = ?2", practiceId, externalClaimId).firstResultOptional();
    }

    private static ClaimInput withIds(ClaimInput in, String practiceId, String externalClaimId) {
        return new ClaimInput(practiceId, externalClaimId, in.patient(), in.payerId(), in.providerNpi(),
                in.serviceDateFrom(), in.serviceDateTo(), in.submittedOn(), in.lines());
    }

    /** Fingerprint of what the PM system sent, amounts at cent scale, so "185" and "185.00" are the same claim. */
    static String contentHash(ClaimInput in) {
        StringBuilder b = new StringBuilder();
        b.append(in.payerId()).append('|').append(in.providerNpi()).append('|')
                .append(in.patient().accountNumber()).append('|').append(in.patient().firstName()).append('|')
                .append(in.patient().lastName()).append('|').append(in.patient().dateOfBirth()).append('|')
                .append(in.serviceDateFrom()).append('|').append(in.serviceDateTo()).append('|')
                .append(in.submittedOn()).append('|');
        for (ClaimInput.LineInput l : in.lines()) {
            b.append(l.procedureCode()).append(';').append(l.modifiers()).append(';').append(l.units()).append(';')
                    .append(Money.cents(l.chargeAmount()).toPlainString()).append(';').append(l.diagnosisCodes()).append('|');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
