package com.ardesk.claims.remit;

import com.ardesk.claims.claim.Claim;
import com.ardesk.claims.claim.ClaimEvents;
import com.ardesk.claims.claim.ClaimLookup;
import com.ardesk.kit.time.PracticeClock;
import com.ardesk.claims.denial.DenialService;
import com.ardesk.claims.payment.AdjustmentInput;
import com.ardesk.claims.payment.PaymentService;
import com.ardesk.claims.x12.X12Exception;
import com.ardesk.kit.jdbc.TextArrayColumns;
import com.ardesk.kit.problem.ProblemException;
import com.ardesk.kit.tenancy.Tenancy;
import com.ardesk.kit.web.Keyset;
import com.ardesk.kit.web.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Posts 835 files: payments with their adjustments, denials, reversals, and PLB provider
 * adjustments, all in one transaction per file. A remittance belongs to one practice; claims are
 * matched by CLP01 (the PM system's claim id) within it; a claim that cannot be matched or posted
 * is reported, never guessed. A payment is stored under practice + payer + TRN02 + the content
 * hash of its transaction, so a re-sent payment changes nothing whatever its envelope, while two
 * transactions that share a TRN02 both post.
 */
@ApplicationScoped
public class RemittanceService {
    /** Newest first: received at, then remittance id. */
    private static final Keyset PAGES = Keyset.of("remittances", 2);
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000");
    private static final String INSERT_CLAIM_ROWS = """
            insert into remittance_claim (remittance_id, patient_control_number, claim_status_code, claim_id, charge,
              paid, patient_responsibility, payer_claim_control_number, result, note, needs_review)
            select r, p, s, c, ch, pd, pr, pcn, res, n, nr from unnest(cast(? as uuid[]), cast(? as text[]), cast(? as text[]),
              cast(? as uuid[]), cast(? as numeric[]), cast(? as numeric[]), cast(? as numeric[]), cast(? as text[]),
              cast(? as text[]), cast(? as text[]), cast(? as boolean[]))
              with ordinality as x(r, p, s, c, ch, pd, pr, pcn, res, n, nr, k)
            order by k""";

    private final EntityManager em;
    private final ClaimEvents claims;
    private final PaymentService payments;
    private final DenialService denials;
    private final Tenancy tenancy;
    private final PracticeClock calendar;

    public RemittanceService(EntityManager em, ClaimEvents claims, PaymentService payments, DenialService denials,
                             Tenancy tenancy, PracticeClock calendar) {
        this.em = em;
        this.claims = claims;
        this.payments = payments;
        this.denials = denials;
        this.tenancy = tenancy;
        this.calendar = calendar;
    }

    @Transactional
    public RemittancePosting post(InputStream file, String practiceId) {
        List<String> scope = scope(practiceId);
        Remittance835.Read read;
        try {
            read = Remittance835.read(file);
        } catch (X12Exception e) {
            throw e.toProblem("X12 835");
        }
        boolean replayed = true;
        List<RemittanceView> views = new ArrayList<>();
        for (Remittance835.Transaction t : read.transactions()) {
            Map<String, List<Claim>> candidates = candidates(t.claims(), scope);
            String practice = practiceOf(t, practiceId, scope, candidates);
            UUID id = insertRemittance(t, practice, Status.POSTED, tenancy.user());
            if (id == null) {
                views.add(view(existing(t, practice)));
                continue;
            }
            replayed = false;
            postTransaction(id, t, practice, candidates, read.warnings());
            views.add(view(id));
        }
        return new RemittancePosting(replayed, views);
    }

    /**
     * The practice a transaction belongs to: the one asked for, the token's only one, or the one
     * whose claims the CLPs match. A remittance is never stored without a practice.
     */
    private static String practiceOf(Remittance835.Transaction t, String practiceId, List<String> scope,
                                     Map<String, List<Claim>> candidates) {
        if (practiceId != null) {
            return practiceId;
        }
        if (scope.size() == 1) {
            return scope.get(0);
        }
        Set<String> matched = new TreeSet<>();
        candidates.values().forEach(list -> list.forEach(c -> matched.add(c.practiceId)));
        if (matched.size() == 1) {
            return matched.iterator().next();
        }
        throw ProblemException.validation("practiceId", "is required: the token names several practices and the claims of "
                + "the transaction at segment " + t.position() + " match " + (matched.isEmpty() ? "none of them" : "several: " + matched));
    }

    /** Where a remittance stands: posted at once (small files), or on its way in the background. */
    enum Status { RECEIVED, PROCESSING, POSTED, FAILED }

    /**
     * Stores the payment under its natural key; null when that practice already has it (a replay).
     * A POSTED one counts its claims as processed: it is posted in the same transaction.
     */
    UUID insertRemittance(Remittance835.Transaction t, String practice, Status status, String user) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // a concurrent replay waits for the first to commit, then inserts nothing
        int inserted = em.createNativeQuery("""
                insert into remittance (remittance_id, practice_id, payer_name, payer_identifier, trace_number, payment_method,
                  payment_amount, payment_date, content_hash, received_by, received_at, status, total_claims, processed_claims)
                values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)
                on conflict (practice_id, payer_identifier, trace_number, content_hash) do nothing""")
                .setParameter(1, id).setParameter(2, practice)
                .setParameter(3, truncate(t.payerName(), 200)).setParameter(4, truncate(t.payerIdentifier(), 80))
                .setParameter(5, truncate(t.traceNumber(), 80)).setParameter(6, truncate(t.paymentMethod(), 8))
                .setParameter(7, t.paymentAmount()).setParameter(8, t.paymentDate()).setParameter(9, t.contentHash())
                .setParameter(10, user == null ? "unknown" : user).setParameter(11, Timestamp.from(now))
                .setParameter(12, status.name()).setParameter(13, t.claimCount())
                .setParameter(14, status == Status.POSTED ? t.claimCount() : 0)
                .executeUpdate();
        return inserted == 1 ? id : null;
    }

    UUID existing(Remittance835.Transaction t, String practice) {
        return (UUID) em.createNativeQuery("""
                select remittance_id from remittance
                where practice_id = ? and payer_identifier = ? and trace_number = ? and content_hash = ?""")
                .setParameter(1, practice).setParameter(2, truncate(t.payerIdentifier(), 80))
                .setParameter(3, truncate(t.traceNumber(), 80)).setParameter(4, t.contentHash()).getSingleResult();
    }

    private void postTransaction(UUID id, Remittance835.Transaction t, String practice, Map<String, List<Claim>> candidates,
                                 List<String> fileWarnings) {
        List<Flag> flags = transactionFlags(t, fileWarnings);
        Set<String> ambiguous = ambiguousClaimIds(t, flags);
        postClaims(id, t, practice, t.claims(), candidates, ambiguous, flags, null);
        insertProviderAdjustments(id, t);
        insertFlags(id, flags);
    }

    /** What the whole transaction says, known once it is read: the reader's warnings and an unbalanced BPR. */
    static List<Flag> transactionFlags(Remittance835.Transaction t, List<String> fileWarnings) {
        List<Flag> flags = new ArrayList<>();
        fileWarnings.forEach(w -> flags.add(new Flag("READ_WARNING", w)));
        t.warnings().forEach(w -> flags.add(new Flag("READ_WARNING", w)));
        BigDecimal expected = RemittanceRules.expectedPayment(t);
        if (expected.compareTo(t.paymentAmount()) != 0) {
            flags.add(new Flag("UNBALANCED", "BPR02 " + t.paymentAmount().toPlainString() + " differs from the sum of CLP04 "
                    + "less PLB amounts, " + expected.toPlainString()));
        }
        return flags;
    }

    /**
     * Posts these CLPs of remittance {@code id} and stores their results in CLP order. With
     * {@code announceLater} null each claim's snapshot goes out as it is posted; otherwise the claims
     * are collected there for one {@link ClaimEvents#announceAll} at the end of the chunk.
     */
    void postClaims(UUID id, Remittance835.Transaction t, String practice, List<Remittance835.ClaimPayment> payments,
                    Map<String, List<Claim>> candidates, Set<String> ambiguous, List<Flag> flags, Set<Claim> announceLater) {
        List<ClaimRow> rows = new ArrayList<>(payments.size());
        for (Remittance835.ClaimPayment cp : payments) {
            Claim claim = candidates.getOrDefault(cp.patientControlNumber(), List.of()).stream()
                    .filter(c -> c.practiceId.equals(practice)).findFirst().orElse(null);
            rows.add(new ClaimRow(cp, postClaim(cp, t, claim, id, ambiguous.contains(cp.patientControlNumber()), flags, announceLater)));
        }
        if (announceLater != null) {
            claims.announceAll(announceLater);
        }
        insertClaimRows(id, rows);
    }

    void insertProviderAdjustments(UUID id, Remittance835.Transaction t) {
        for (Remittance835.ProviderAdjustment plb : t.providerAdjustments()) {
            em.createNativeQuery("""
                    insert into provider_adjustment (remittance_id, provider_id, fiscal_period, reason_code, reference, amount)
                    values (?,?,?,?,?,?)""")
                    .setParameter(1, id).setParameter(2, truncate(plb.providerId(), 80)).setParameter(3, plb.fiscalPeriod())
                    .setParameter(4, truncate(plb.reasonCode(), 8)).setParameter(5, truncate(plb.reference(), 80))
                    .setParameter(6, plb.amount()).executeUpdate();
        }
    }

    void insertFlags(UUID id, List<Flag> flags) {
        for (Flag f : flags) {
            em.createNativeQuery("insert into remittance_flag (remittance_id, code, detail) values (?,?,?)")
                    .setParameter(1, id).setParameter(2, f.code()).setParameter(3, truncate(f.detail(), 500)).executeUpdate();
        }
    }

    /** CLP01s that appear for different patients (NM1*QC) in one transaction: each is flagged. */
    private static Set<String> ambiguousClaimIds(Remittance835.Transaction t, List<Flag> flags) {
        Map<String, Set<String>> patients = new LinkedHashMap<>();
        for (Remittance835.ClaimPayment cp : t.claims()) {
            if (cp.patientName() != null) {
                patients.computeIfAbsent(cp.patientControlNumber(), k -> new TreeSet<>()).add(cp.patientName());
            }
        }
        Set<String> ambiguous = new HashSet<>();
        patients.forEach((clp01, names) -> {
            if (names.size() > 1) {
                ambiguous.add(clp01);
                flags.add(new Flag("DUPLICATE_CLAIM_ID", "CLP01 " + clp01 + " appears for different patients: " + names
                        + "; only the CLPs whose patient is the claim's are posted"));
            }
        });
        return ambiguous;
    }

    record Flag(String code, String detail) {
    }

    private record Outcome(Claim claim, String result, String note, boolean needsReview) {
        static Outcome of(Claim claim, String result, String note) {
            return new Outcome(claim, result, note, false);
        }

        static Outcome review(Claim claim, String result, String note) {
            return new Outcome(claim, result, note, true);
        }
    }

    private record ClaimRow(Remittance835.ClaimPayment payment, Outcome outcome) {
    }

    /**
     * The claims each CLP01 may mean, for the whole transaction at once: one natural-key probe per
     * practice in scope instead of a query per CLP, which also spared Hibernate a flush per CLP.
     */
    static Map<String, List<Claim>> candidates(List<Remittance835.ClaimPayment> payments, List<String> scope) {
        Set<String> ids = new HashSet<>();
        payments.forEach(cp -> ids.add(cp.patientControlNumber()));
        Map<String, List<Claim>> byId = new HashMap<>();
        for (String practice : scope) {
            ClaimLookup.findByExternalIds(practice, ids)
                    .forEach((externalId, claim) -> byId.computeIfAbsent(externalId, k -> new ArrayList<>()).add(claim));
        }
        return byId;
    }

    /**
     * The transaction's claim results in one statement (each column one array, {@link TextArrayColumns}),
     * in CLP order: the view lists them by their serial id.
     */
    private void insertClaimRows(UUID remittanceId, List<ClaimRow> rows) {
        // the payments and denials posted above go first, on the same connection
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_CLAIM_ROWS)) {
                new TextArrayColumns<>(connection, insert, rows)
                        .add(row -> remittanceId)
                        .add(row -> truncate(row.payment().patientControlNumber(), 64))
                        .add(row -> truncate(row.payment().statusCode(), 4))
                        .add(row -> row.outcome().claim() == null ? null : row.outcome().claim().claimId)
                        .add(row -> row.payment().charge())
                        .add(row -> row.payment().paid())
                        .add(row -> row.payment().patientResponsibility())
                        .add(row -> truncate(row.payment().payerClaimControlNumber(), 64))
                        .add(row -> row.outcome().result())
                        .add(row -> truncate(row.outcome().note(), 500))
                        .add(row -> row.outcome().needsReview());
                insert.executeUpdate();
            }
        });
    }

    private Outcome postClaim(Remittance835.ClaimPayment cp, Remittance835.Transaction t, Claim claim, UUID remittanceId,
                              boolean ambiguous, List<Flag> flags, Set<Claim> announceLater) {
        RemittanceRules.Kind kind = RemittanceRules.kind(cp.statusCode());
        switch (kind) {
            case NOT_OUR_CLAIM -> {
                return Outcome.of(claim, "skipped", "CLP02=23: the payer says this is not its claim");
            }
            case PREDETERMINATION -> {
                return Outcome.of(claim, "skipped", "CLP02=25: a predetermination of benefits, no payment");
            }
            case OTHER -> {
                return Outcome.of(claim, "skipped", "CLP02=" + cp.statusCode() + " is not a status that posts money");
            }
            default -> {
                // processed, denied and reversed claims post below
            }
        }
        if (claim == null) {
            return Outcome.of(null, "unmatched", "no claim with this patient control number in the practice");
        }
        if (ambiguous && cp.patientName() != null && !cp.patientName().startsWith(
                (claim.patientLastName == null ? "" : claim.patientLastName.toUpperCase()) + ",")) {
            return Outcome.review(claim, "rejected", "CLP01 appears for several patients and this one (" + cp.patientName()
                    + ") is not the claim's patient");
        }
        if (beyondLimit(claim, cp)) {
            return Outcome.review(claim, "rejected", "the claim's totals would exceed 999999999999.99");
        }
        boolean payerMismatch = !claim.payerId.equalsIgnoreCase(t.payerIdentifier()) && !claim.payerId.equalsIgnoreCase(t.payerName());
        if (payerMismatch) {
            flags.add(new Flag("PAYER_MISMATCH", "CLP01 " + cp.patientControlNumber() + " (segment " + cp.position()
                    + "): the claim's payer is " + claim.payerId + ", the 835's is " + t.payerIdentifier()));
        }
        LocalDate paidOn = t.paymentDate() != null ? t.paymentDate() : calendar.today(claim.practiceId);
        String method = switch (t.paymentMethod()) {
            case "CHK" -> "CHECK";
            case "NON" -> "NONE";
            default -> "EFT";
        };
        try {
            String result;
            switch (kind) {
                case REVERSAL -> {
                    // reversals carry the negated amounts of the posting they take back; some payers send them unsigned
                    boolean unsigned = cp.paid().signum() > 0;
                    BigDecimal amount = unsigned ? cp.paid().negate() : cp.paid();
                    if (!hasOriginal(claim, amount.negate())) {
                        flags.add(new Flag("REVERSAL_WITHOUT_ORIGINAL", "CLP01 " + cp.patientControlNumber() + " (segment "
                                + cp.position() + "): no earlier 835 payment of " + amount.negate().toPlainString() + " to reverse"));
                        return Outcome.review(claim, "rejected", "CLP02=22 reverses a payment of " + amount.negate().toPlainString()
                                + " this claim never received from an 835; nothing was posted");
                    }
                    List<AdjustmentInput> all = cp.adjustments().stream().map(a -> new AdjustmentInput(a.groupCode(), a.reasonCode(),
                            unsigned ? a.amount().negate() : a.amount())).toList();
                    payments.post(claim, amount, paidOn, method, t.traceNumber(), all, "835", remittanceId);
                    result = "reversed";
                }
                case DENIED -> {
                    List<Remittance835.Adjustment> codes = RemittanceRules.denialsOfDeniedClaim(cp.adjustments());
                    if (codes.isEmpty()) {
                        return Outcome.review(claim, "rejected", "CLP02=4 (denied) without a CAS naming why; nothing was recorded");
                    }
                    codes.forEach(d -> denials.record(claim, d.groupCode(), d.reasonCode(), List.of(), d.amount(), paidOn, "835"));
                    result = "denied";
                }
                default -> {
                    List<AdjustmentInput> adjustments = new ArrayList<>();
                    List<Remittance835.Adjustment> denialCodes = new ArrayList<>();
                    for (Remittance835.Adjustment a : cp.adjustments()) {
                        if (RemittanceRules.isDenialOnProcessedClaim(a)) {
                            denialCodes.add(a);
                        } else {
                            adjustments.add(new AdjustmentInput(a.groupCode(), a.reasonCode(), a.amount()));
                        }
                    }
                    payments.post(claim, cp.paid(), paidOn, method, t.traceNumber(), adjustments, "835", remittanceId);
                    // a line denied inside a paid claim still needs work: record it after the payment
                    denialCodes.forEach(d -> denials.record(claim, d.groupCode(), d.reasonCode(), List.of(), d.amount(), paidOn, "835"));
                    result = denialCodes.isEmpty() ? "posted" : "denied";
                }
            }
            if (cp.payerClaimControlNumber() != null) {
                claim.payerClaimControlNumber = truncate(cp.payerClaimControlNumber(), 64);
            }
            if (announceLater == null) {
                claims.announce(claim);
            } else {
                announceLater.add(claim);
            }
            return payerMismatch ? Outcome.review(claim, result, "the claim's payer is " + claim.payerId + ", not the 835's")
                    : Outcome.of(claim, result, null);
        } catch (ProblemException e) {
            return Outcome.review(claim, "rejected", e.getMessage());
        }
    }

    /** Whether an earlier 835 payment of this amount on the claim has not been reversed yet. */
    private boolean hasOriginal(Claim claim, BigDecimal amount) {
        Number outstanding = (Number) em.createNativeQuery("""
                select count(*) filter (where amount = ?2) - count(*) filter (where amount = -?2)
                from payment where claim_id = ?1 and source = '835'""")
                .setParameter(1, claim.claimId).setParameter(2, amount).getSingleResult();
        return amount.signum() != 0 && outstanding.longValue() > 0;
    }

    private static boolean beyondLimit(Claim claim, Remittance835.ClaimPayment cp) {
        BigDecimal adjustments = cp.adjustments().stream().map(Remittance835.Adjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return claim.paidAmount.add(cp.paid()).abs().compareTo(LIMIT) >= 0
                || claim.adjustmentAmount.add(claim.patientResponsibility).add(adjustments).abs().compareTo(LIMIT) >= 0;
    }

    @Transactional
    public RemittanceView get(UUID remittanceId) {
        String practice = (String) em.createNativeQuery("select practice_id from remittance where remittance_id = ?")
                .setParameter(1, remittanceId).getResultStream().findFirst().orElse(null);
        if (practice == null || !tenancy.canSee(practice)) {
            throw ProblemException.notFound("remittance", remittanceId);
        }
        return view(remittanceId);
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public Page<RemittanceView> list(Integer limit, String cursor) {
        Keyset.Request page = PAGES.request(limit, cursor);
        StringBuilder sql = new StringBuilder("select remittance_id, received_at from remittance where practice_id in (:practices)");
        if (page.after() != null) {
            sql.append(" and (received_at, remittance_id) < (cast(:at as timestamptz), cast(:id as uuid))");
        }
        sql.append(" order by received_at desc, remittance_id desc");
        NativeQuery<Object[]> query = em.createNativeQuery(sql.toString()).unwrap(NativeQuery.class)
                .addScalar("remittance_id", UUID.class).addScalar("received_at", Instant.class);
        query.setParameter("practices", tenancy.practices());
        if (page.after() != null) {
            query.setParameter("at", page.after().instant(0)).setParameter("id", page.after().uuid(1));
        }
        return page.page(query.setMaxResults(page.fetch()).getResultList(), row -> List.of(row[1], row[0]),
                row -> view((UUID) row[0]));
    }

    List<String> scope(String practiceId) {
        if (practiceId != null) {
            tenancy.requireVisible(practiceId, "practice", practiceId);
            return List.of(practiceId);
        }
        if (tenancy.practices().isEmpty()) {
            throw ProblemException.validation("practiceId", "the token names no practice to post to");
        }
        return List.copyOf(tenancy.practices());
    }

    /**
     * The remittance with its results; while it is still RECEIVED or PROCESSING only its progress:
     * the results of half a file would read like a final answer, and each poll stays cheap.
     */
    RemittanceView view(UUID id) {
        return view(id, true);
    }

    /** The remittance and its progress, without its results: the answer to a file posted in the background. */
    RemittanceView brief(UUID id) {
        return view(id, false);
    }

    private RemittanceView view(UUID id, boolean results) {
        Object[] r = (Object[]) em.createNativeQuery("""
                select practice_id, payer_name, payer_identifier, trace_number, payment_method, payment_amount, payment_date,
                       received_at, status, processed_claims, total_claims from remittance where remittance_id = ?""")
                .setParameter(1, id).getSingleResult();
        String status = (String) r[8];
        if (!results || Status.RECEIVED.name().equals(status) || Status.PROCESSING.name().equals(status)) {
            return new RemittanceView(id, (String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    (BigDecimal) r[5], toDate(r[6]), toInstant(r[7]), status, ((Number) r[9]).intValue(), ((Number) r[10]).intValue(),
                    List.of(), List.of(), List.of());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> claimRows = em.createNativeQuery("""
                select patient_control_number, claim_status_code, claim_id, charge, paid, patient_responsibility,
                       payer_claim_control_number, result, note, needs_review from remittance_claim where remittance_id = ? order by id""")
                .setParameter(1, id).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> plbRows = em.createNativeQuery("""
                select provider_id, fiscal_period, reason_code, reference, amount from provider_adjustment
                where remittance_id = ? order by id""").setParameter(1, id).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> flagRows = em.createNativeQuery("select code, detail from remittance_flag where remittance_id = ? order by id")
                .setParameter(1, id).getResultList();
        return new RemittanceView(id, (String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                (BigDecimal) r[5], toDate(r[6]), toInstant(r[7]), status, ((Number) r[9]).intValue(), ((Number) r[10]).intValue(),
                claimRows.stream().map(c -> new RemittanceView.ClaimResult((String) c[0], (String) c[1], (UUID) c[2],
                        (BigDecimal) c[3], (BigDecimal) c[4], (BigDecimal) c[5], (String) c[6], (String) c[7], (String) c[8], (Boolean) c[9])).toList(),
                plbRows.stream().map(p -> new RemittanceView.ProviderAdjustmentView((String) p[0], toDate(p[1]), (String) p[2],
                        (String) p[3], (BigDecimal) p[4])).toList(),
                flagRows.stream().map(f -> new RemittanceView.Flag((String) f[0], (String) f[1])).toList());
    }

    private static LocalDate toDate(Object value) {
        return value == null ? null : value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return (Instant) value;
    }

    static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
