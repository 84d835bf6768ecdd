package com.ardesk.claims.remit;

import com.ardesk.claims.claim.Claim;
import com.ardesk.claims.claim.ClaimService;
import com.ardesk.claims.claim.PracticeCalendar;
import com.ardesk.claims.denial.CarcCategories;
import com.ardesk.claims.denial.DenialCategory;
import com.ardesk.claims.denial.DenialService;
import com.ardesk.claims.payment.AdjustmentInput;
import com.ardesk.claims.payment.PaymentService;
import com.ardesk.kit.jdbc.TextArrayColumns;
import com.ardesk.kit.problem.ProblemException;
import com.ardesk.kit.tenancy.Tenancy;
import com.ardesk.kit.web.Cursors;
import com.ardesk.kit.web.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Posts 835 files: payments with their adjustments, denials, reversals, and PLB provider
 * adjustments, all in one transaction per file. Claims are matched by CLP01 (the PM system's claim
 * id) within the caller's practices; a claim that cannot be matched or posted is reported, never
 * guessed. Each transaction is stored under its natural key, so a replayed file changes nothing.
 */
@ApplicationScoped
public class RemittanceService {
    private static final Set<String> PROCESSED = Set.of("1", "2", "3", "19", "20", "21");
    private static final String INSERT_CLAIM_ROWS = """
            insert into remittance_claim (remittance_id, patient_control_number, claim_status_code, claim_id, charge,
              paid, patient_responsibility, payer_claim_control_number, result, note)
            select r, p, s, c, ch, pd, pr, pcn, res, n from unnest(cast(? as uuid[]), cast(? as text[]), cast(? as text[]),
              cast(? as uuid[]), cast(? as numeric[]), cast(? as numeric[]), cast(? as numeric[]), cast(? as text[]),
              cast(? as text[]), cast(? as text[])) with ordinality as x(r, p, s, c, ch, pd, pr, pcn, res, n, k)
            order by k""";

    private final EntityManager em;
    private final ClaimService claims;
    private final PaymentService payments;
    private final DenialService denials;
    private final Tenancy tenancy;
    private final PracticeCalendar calendar;

    public RemittanceService(EntityManager em, ClaimService claims, PaymentService payments, DenialService denials,
                             Tenancy tenancy, PracticeCalendar calendar) {
        this.em = em;
        this.claims = claims;
        this.payments = payments;
        this.denials = denials;
        this.tenancy = tenancy;
        this.calendar = calendar;
    }

    @Transactional
    public RemittancePosting post(String file, String practiceId) {
        List<String> scope = scope(practiceId);
        List<Remittance835.Transaction> transactions;
        try {
            transactions = Remittance835.read(file);
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation("body", "is not a readable X12 835: " + e.getMessage());
        }
        String fileHash = sha256(file);
        boolean replayed = true;
        List<RemittanceView> views = new ArrayList<>();
        for (Remittance835.Transaction t : transactions) {
            UUID existing = find(t, fileHash);
            if (existing != null) {
                views.add(view(existing));
                continue;
            }
            replayed = false;
            views.add(view(postTransaction(t, fileHash, scope, practiceId)));
        }
        return new RemittancePosting(replayed, views);
    }

    private UUID postTransaction(Remittance835.Transaction t, String fileHash, List<String> scope, String practiceId) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        em.createNativeQuery("""
                insert into remittance (remittance_id, practice_id, payer_name, payer_identifier, trace_number, payment_method,
                  payment_amount, payment_date, file_hash, received_by, received_at) values (?,?,?,?,?,?,?,?,?,?,?)""")
                .setParameter(1, id).setParameter(2, practiceId != null ? practiceId : scope.size() == 1 ? scope.get(0) : null)
                .setParameter(3, truncate(t.payerName(), 200)).setParameter(4, truncate(t.payerIdentifier(), 80))
                .setParameter(5, truncate(t.traceNumber(), 80)).setParameter(6, truncate(t.paymentMethod(), 8))
                .setParameter(7, t.paymentAmount()).setParameter(8, t.paymentDate()).setParameter(9, fileHash)
                .setParameter(10, tenancy.user() == null ? "unknown" : tenancy.user()).setParameter(11, Timestamp.from(now))
                .executeUpdate();
        String practiceOfClaims = null;
        boolean mixed = false;
        Map<String, List<Claim>> candidates = candidates(t.claims(), scope);
        List<ClaimRow> rows = new ArrayList<>(t.claims().size());
        for (Remittance835.ClaimPayment cp : t.claims()) {
            Outcome outcome = postClaim(cp, t, candidates.getOrDefault(cp.patientControlNumber(), List.of()), id);
            if (outcome.claim() != null) {
                if (practiceOfClaims != null && !practiceOfClaims.equals(outcome.claim().practiceId)) {
                    mixed = true;
                }
                practiceOfClaims = outcome.claim().practiceId;
            }
            rows.add(new ClaimRow(cp, outcome));
        }
        insertClaimRows(id, rows);
        if (practiceId == null && practiceOfClaims != null && !mixed) {
            em.createNativeQuery("update remittance set practice_id = ? where remittance_id = ?")
                    .setParameter(1, practiceOfClaims).setParameter(2, id).executeUpdate();
        }
        for (Remittance835.ProviderAdjustment plb : t.providerAdjustments()) {
            em.createNativeQuery("""
                    insert into provider_adjustment (remittance_id, provider_id, fiscal_period, reason_code, reference, amount)
                    values (?,?,?,?,?,?)""")
                    .setParameter(1, id).setParameter(2, truncate(plb.providerId(), 80)).setParameter(3, plb.fiscalPeriod())
                    .setParameter(4, truncate(plb.reasonCode(), 8)).setParameter(5, truncate(plb.reference(), 80))
                    .setParameter(6, plb.amount()).executeUpdate();
        }
        return id;
    }

    private record Outcome(Claim claim, String result, String note) {
    }

    private record ClaimRow(Remittance835.ClaimPayment payment, Outcome outcome) {
    }

    /**
     * The claims each CLP01 may mean, for the whole transaction at once: one natural-key probe per
     * practice in scope instead of a query per CLP, which also spared Hibernate a flush per CLP.
     */
    private static Map<String, List<Claim>> candidates(List<Remittance835.ClaimPayment> payments, List<String> scope) {
        Set<String> ids = new HashSet<>();
        payments.forEach(cp -> ids.add(cp.patientControlNumber()));
        Map<String, List<Claim>> byId = new HashMap<>();
        for (String practice : scope) {
            ClaimService.findByExternalIds(practice, ids)
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
                        .add(row -> truncate(row.outcome().note(), 500));
                insert.executeUpdate();
            }
        });
    }

    private Outcome postClaim(Remittance835.ClaimPayment cp, Remittance835.Transaction t, List<Claim> matches, UUID remittanceId) {
        if ("23".equals(cp.statusCode())) {
            return new Outcome(null, "skipped", "CLP02=23: the payer says this is not its claim");
        }
        if (matches.isEmpty()) {
            return new Outcome(null, "unmatched", "no claim with this patient control number in the caller's practices");
        }
        if (matches.size() > 1) {
            return new Outcome(null, "unmatched", "several practices have this claim id; post with ?practiceId=");
        }
        Claim claim = matches.get(0);
        LocalDate paidOn = t.paymentDate() != null ? t.paymentDate() : calendar.today(claim.practiceId);
        String method = switch (t.paymentMethod()) {
            case "CHK" -> "CHECK";
            case "NON" -> "NONE";
            default -> "EFT";
        };
        List<AdjustmentInput> adjustments = new ArrayList<>();
        List<Remittance835.Adjustment> denialCodes = new ArrayList<>();
        for (Remittance835.Adjustment a : cp.adjustments()) {
            if (isDenial(a)) {
                denialCodes.add(a);
            } else {
                adjustments.add(new AdjustmentInput(a.groupCode(), a.reasonCode(), a.amount()));
            }
        }
        try {
            String result;
            if ("22".equals(cp.statusCode())) {
                // a reversal carries the negated amounts of the posting it takes back
                List<AdjustmentInput> all = cp.adjustments().stream()
                        .map(a -> new AdjustmentInput(a.groupCode(), a.reasonCode(), a.amount())).toList();
                payments.post(claim, cp.paid(), paidOn, method, t.traceNumber(), all, "835", remittanceId);
                result = "reversed";
            } else if ("4".equals(cp.statusCode())) {
                if (denialCodes.isEmpty()) {
                    return new Outcome(claim, "rejected", "CLP02=4 (denied) without a denial CARC in CAS; review it");
                }
                denialCodes.forEach(d -> denials.record(claim, d.groupCode(), d.reasonCode(), List.of(), d.amount(), paidOn, "835"));
                result = "denied";
            } else if (PROCESSED.contains(cp.statusCode())) {
                payments.post(claim, cp.paid(), paidOn, method, t.traceNumber(), adjustments, "835", remittanceId);
                // a line denied inside a paid claim still needs work: record it after the payment
                denialCodes.forEach(d -> denials.record(claim, d.groupCode(), d.reasonCode(), List.of(), d.amount(), paidOn, "835"));
                result = denialCodes.isEmpty() ? "posted" : "denied";
            } else {
                return new Outcome(claim, "skipped", "CLP02=" + cp.statusCode() + " is not a status that posts money");
            }
            if (cp.payerClaimControlNumber() != null) {
                claim.payerClaimControlNumber = truncate(cp.payerClaimControlNumber(), 64);
            }
            claims.announce(claim);
            return new Outcome(claim, result, null);
        } catch (ProblemException e) {
            return new Outcome(claim, "rejected", e.getMessage());
        }
    }

    /** A CAS that asks for work (a denial CARC), as opposed to contractual or patient-share adjustments. */
    static boolean isDenial(Remittance835.Adjustment a) {
        return !"PR".equals(a.groupCode()) && a.amount().signum() > 0
                && CarcCategories.notADenial(a.groupCode(), a.reasonCode()).isEmpty()
                && CarcCategories.categoryOf(a.reasonCode()) != DenialCategory.OTHER;
    }

    @Transactional
    public RemittanceView get(UUID remittanceId) {
        Object practice = em.createNativeQuery("select coalesce(practice_id, '') from remittance where remittance_id = ?")
                .setParameter(1, remittanceId).getResultStream().findFirst().orElse(null);
        if (practice == null || !visible((String) practice)) {
            throw ProblemException.notFound("remittance", remittanceId);
        }
        return view(remittanceId);
    }

    @Transactional
    public Page<RemittanceView> list(Integer limit, String cursor) {
        int size = Cursors.limit(limit);
        List<String> after = Cursors.decode(cursor, 2);
        StringBuilder sql = new StringBuilder("select remittance_id from remittance where practice_id in (:practices)");
        if (!after.isEmpty()) {
            sql.append(" and (received_at, remittance_id) < (cast(:at as timestamptz), cast(:id as uuid))");
        }
        sql.append(" order by received_at desc, remittance_id desc");
        var query = em.createNativeQuery(sql.toString()).setParameter("practices", tenancy.practices());
        if (!after.isEmpty()) {
            try {
                query.setParameter("at", Timestamp.from(Instant.parse(after.get(0)))).setParameter("id", UUID.fromString(after.get(1)).toString());
            } catch (RuntimeException e) {
                throw ProblemException.validation("cursor", "is not a cursor this API issued");
            }
        }
        @SuppressWarnings("unchecked")
        List<UUID> ids = query.setMaxResults(size + 1).getResultList();
        List<RemittanceView> views = ids.stream().limit(size).map(this::view).toList();
        String next = ids.size() > size ? Cursors.encode(views.get(size - 1).receivedAt().toString(),
                views.get(size - 1).remittanceId().toString()) : null;
        return new Page<>(views, next);
    }

    private boolean visible(String practice) {
        return practice.isEmpty() ? tenancy.hasRole("admin") || tenancy.hasRole("integration") : tenancy.canSee(practice);
    }

    private List<String> scope(String practiceId) {
        if (practiceId != null) {
            tenancy.requireVisible(practiceId, "practice", practiceId);
            return List.of(practiceId);
        }
        if (tenancy.practices().isEmpty()) {
            throw ProblemException.validation("practiceId", "the token names no practice to post to");
        }
        return List.copyOf(tenancy.practices());
    }

    private UUID find(Remittance835.Transaction t, String fileHash) {
        return (UUID) em.createNativeQuery("""
                select remittance_id from remittance where payer_identifier = ? and trace_number = ? and file_hash = ?""")
                .setParameter(1, truncate(t.payerIdentifier(), 80)).setParameter(2, truncate(t.traceNumber(), 80))
                .setParameter(3, fileHash).getResultStream().findFirst().orElse(null);
    }

    private RemittanceView view(UUID id) {
        Object[] r = (Object[]) em.createNativeQuery("""
                select practice_id, payer_name, payer_identifier, trace_number, payment_method, payment_amount, payment_date,
                       received_at from remittance where remittance_id = ?""").setParameter(1, id).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> claimRows = em.createNativeQuery("""
                select patient_control_number, claim_status_code, claim_id, charge, paid, patient_responsibility,
                       payer_claim_control_number, result, note from remittance_claim where remittance_id = ? order by id""")
                .setParameter(1, id).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> plbRows = em.createNativeQuery("""
                select provider_id, fiscal_period, reason_code, reference, amount from provider_adjustment
                where remittance_id = ? order by id""").setParameter(1, id).getResultList();
        return new RemittanceView(id, (String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                (BigDecimal) r[5], toDate(r[6]), toInstant(r[7]),
                claimRows.stream().map(c -> new RemittanceView.ClaimResult((String) c[0], (String) c[1], (UUID) c[2],
                        (BigDecimal) c[3], (BigDecimal) c[4], (BigDecimal) c[5], (String) c[6], (String) c[7], (String) c[8])).toList(),
                plbRows.stream().map(p -> new RemittanceView.ProviderAdjustmentView((String) p[0], toDate(p[1]), (String) p[2],
                        (String) p[3], (BigDecimal) p[4])).toList());
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

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
