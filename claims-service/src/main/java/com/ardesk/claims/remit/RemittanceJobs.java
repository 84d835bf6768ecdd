package com.ardesk.claims.remit;

import com.ardesk.claims.claim.Claim;
import com.ardesk.kit.jdbc.TextArrayColumns;
import com.ardesk.kit.outbox.Outbox;
import com.ardesk.kit.problem.ProblemException;
import com.ardesk.kit.tenancy.Tenancy;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Big 835 files, posted in the background: {@link #accept} stores the validated, parsed CLPs of each
 * new transaction as pending rows in PostgreSQL in the request's transaction, and {@link #chunk}
 * posts the next few hundred of them, deleting them in the same transaction as their postings and
 * outbox events. What is pending has not been posted; what was posted is no longer pending. So a
 * crash at any point re-posts nothing and loses nothing, and any instance can resume the job
 * (docs/decisions/0008). The remittance row is the job: its lease says which instance runs it.
 */
@ApplicationScoped
public class RemittanceJobs {
    private static final int STAGE_BATCH = 1000;
    private static final String INSERT_PENDING = """
            insert into remittance_pending_claim (remittance_id, seq, segment_position, patient_control_number, claim_status_code,
              charge, paid, patient_responsibility, payer_claim_control_number, patient_name, adjustments)
            select cast(r as uuid), cast(q as integer), cast(sp as integer), p, s, cast(ch as numeric), cast(pd as numeric),
              cast(pr as numeric), pcn, n, cast(a as jsonb)
            from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
              cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]))
              as x(r, q, sp, p, s, ch, pd, pr, pcn, n, a)""";

    private final EntityManager em;
    private final RemittanceService remittances;
    private final Tenancy tenancy;
    private final ObjectMapper json;
    private final Outbox outbox;

    public RemittanceJobs(EntityManager em, RemittanceService remittances, Tenancy tenancy, ObjectMapper json, Outbox outbox) {
        this.em = em;
        this.remittances = remittances;
        this.tenancy = tenancy;
        this.json = json;
        this.outbox = outbox;
    }

    /**
     * Accepts a file read once already ({@code read}: every transaction valid, CLPs counted) for
     * background posting. A transaction that practice has already is a replay and answered as it
     * stands; the others are stored RECEIVED with their CLPs pending. Nothing is posted here.
     */
    @Transactional
    public RemittancePosting accept(Path file, Remittance835.Read read, String practiceId) {
        String practice = practiceOf(practiceId, read);
        return accept(file, read, practice, tenancy.user());
    }

    /** The same, for a practice already checked; the runner's tests call it to build a job by hand. */
    @Transactional(Transactional.TxType.MANDATORY)
    RemittancePosting accept(Path file, Remittance835.Read read, String practice, String user) {
        List<Remittance835.Transaction> transactions = read.transactions();
        UUID[] fresh = new UUID[transactions.size()];
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < transactions.size(); i++) {
            Remittance835.Transaction t = transactions.get(i);
            fresh[i] = remittances.insertRemittance(t, practice, RemittanceService.Status.RECEIVED, user);
            ids.add(fresh[i] != null ? fresh[i] : remittances.existing(t, practice));
        }
        boolean replayed = java.util.Arrays.stream(fresh).allMatch(java.util.Objects::isNull);
        if (!replayed) {
            stage(file, fresh);
            for (int i = 0; i < transactions.size(); i++) {
                if (fresh[i] != null) {
                    List<RemittanceService.Flag> flags = RemittanceService.transactionFlags(transactions.get(i), read.warnings());
                    flags.addAll(ambiguousClaimIds(fresh[i]));
                    remittances.insertProviderAdjustments(fresh[i], transactions.get(i));
                    remittances.insertFlags(fresh[i], flags);
                }
            }
        }
        return new RemittancePosting(replayed, ids.stream().map(remittances::brief).toList());
    }

    /**
     * The practice of a file posted in the background: the one asked for or the token's only one.
     * Matching the practice by the claims, as a small file may, would need every CLP01 of the file
     * in memory before anything is stored.
     */
    private String practiceOf(String practiceId, Remittance835.Read read) {
        List<String> scope = remittances.scope(practiceId);
        if (scope.size() == 1) {
            return scope.get(0);
        }
        int claims = read.transactions().stream().mapToInt(Remittance835.Transaction::claimCount).sum();
        throw ProblemException.validation("practiceId", "is required: the token names several practices, and a file of "
                + claims + " CLPs is posted in the background, to the practice named here");
    }

    /** The second read of the file: each CLP of a new transaction becomes a pending row, a thousand per statement. */
    private void stage(Path file, UUID[] fresh) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_PENDING); InputStream in = Files.newInputStream(file)) {
                List<Pending> batch = new ArrayList<>(STAGE_BATCH);
                int[] seq = new int[fresh.length];
                Remittance835.stream(in, (transaction, cp) -> {
                    if (fresh[transaction] == null) {
                        return;
                    }
                    batch.add(new Pending(fresh[transaction], seq[transaction]++, cp));
                    if (batch.size() == STAGE_BATCH) {
                        insertPending(connection, insert, batch);
                        batch.clear();
                    }
                });
                if (!batch.isEmpty()) {
                    insertPending(connection, insert, batch);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private record Pending(UUID remittanceId, int seq, Remittance835.ClaimPayment claim) {
    }

    private void insertPending(Connection connection, PreparedStatement insert, List<Pending> rows) {
        try {
            new TextArrayColumns<>(connection, insert, rows)
                    .add(Pending::remittanceId)
                    .add(Pending::seq)
                    .add(p -> p.claim().position())
                    .add(p -> p.claim().patientControlNumber())
                    .add(p -> p.claim().statusCode())
                    .add(p -> p.claim().charge())
                    .add(p -> p.claim().paid())
                    .add(p -> p.claim().patientResponsibility())
                    .add(p -> p.claim().payerClaimControlNumber())
                    .add(p -> p.claim().patientName())
                    .add(p -> adjustments(p.claim().adjustments()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the pending CLPs of remittance " + rows.get(0).remittanceId(), e);
        }
    }

    private String adjustments(List<Remittance835.Adjustment> adjustments) {
        try {
            return json.writeValueAsString(adjustments.stream()
                    .map(a -> List.of(a.groupCode(), a.reasonCode(), a.amount().toPlainString())).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One CLP01 for different patients: flagged as the synchronous posting does, and its pending
     * rows marked, so each chunk knows it without the rest of the file.
     */
    private List<RemittanceService.Flag> ambiguousClaimIds(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select patient_control_number, '[' || string_agg(distinct patient_name, ', ' order by patient_name) || ']'
                from remittance_pending_claim where remittance_id = ?1 and patient_name is not null
                group by patient_control_number having count(distinct patient_name) > 1
                order by min(seq)""").setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        em.createNativeQuery("""
                update remittance_pending_claim set ambiguous = true
                where remittance_id = ?1 and patient_control_number = any(cast(?2 as text[]))""")
                .setParameter(1, id).setParameter(2, rows.stream().map(r -> (String) r[0]).toArray(String[]::new)).executeUpdate();
        return rows.stream().map(r -> new RemittanceService.Flag("DUPLICATE_CLAIM_ID", "CLP01 " + r[0]
                + " appears for different patients: " + r[1] + "; only the CLPs whose patient is the claim's are posted")).toList();
    }

    /**
     * Takes the lease of the oldest unfinished remittance nobody holds (or whose holder stopped
     * renewing it), for {@code lease}. SKIP LOCKED: a remittance whose chunk is being posted right
     * now is never even considered.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public UUID lease(String owner, Duration lease) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                update remittance set lease_owner = ?1, lease_until = clock_timestamp() + cast(?2 as interval), status = 'PROCESSING'
                where remittance_id = (select remittance_id from remittance
                  where status in ('RECEIVED', 'PROCESSING') and (lease_until is null or lease_until < clock_timestamp())
                  order by received_at limit 1 for update skip locked)
                returning remittance_id""").setParameter(1, owner).setParameter(2, lease.toMillis() + " milliseconds").getResultList();
        return ids.isEmpty() ? null : ids.get(0);
    }

    /**
     * Posts the next {@code size} pending CLPs of the remittance, in one transaction with their
     * results, flags, outbox events and the progress; renews the lease.
     *
     * @return whether more remain and the lease is still this owner's
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean chunk(UUID id, String owner, int size, Duration lease) {
        // the row lock serialises this chunk with any other instance's lease probe and chunk
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery("""
                select practice_id, payer_name, payer_identifier, trace_number, payment_method, payment_amount, payment_date,
                       status, lease_owner from remittance where remittance_id = ?1 for update""")
                .setParameter(1, id).getResultList();
        if (found.isEmpty()) {
            return false;
        }
        Object[] r = found.get(0);
        if (!owner.equals(r[8]) || !"PROCESSING".equals(r[7])) {
            return false;
        }
        String practice = (String) r[0];
        Remittance835.Transaction t = new Remittance835.Transaction(0, (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                (BigDecimal) r[5], r[6] instanceof java.sql.Date d ? d.toLocalDate() : (java.time.LocalDate) r[6], List.of(), List.of(), null, List.of(),
                0, BigDecimal.ZERO);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select seq, segment_position, patient_control_number, claim_status_code, charge, paid, patient_responsibility,
                       payer_claim_control_number, patient_name, cast(adjustments as text), ambiguous
                from remittance_pending_claim where remittance_id = ?1 order by seq limit ?2""")
                .setParameter(1, id).setParameter(2, size).getResultList();
        List<Remittance835.ClaimPayment> payments = new ArrayList<>(rows.size());
        Set<String> ambiguous = new HashSet<>();
        for (Object[] row : rows) {
            payments.add(new Remittance835.ClaimPayment(((Number) row[1]).intValue(), (String) row[2], (String) row[3],
                    (BigDecimal) row[4], (BigDecimal) row[5], (BigDecimal) row[6], (String) row[7], (String) row[8],
                    adjustments((String) row[9])));
            if ((Boolean) row[10]) {
                ambiguous.add((String) row[2]);
            }
        }
        if (!payments.isEmpty()) {
            Map<String, List<Claim>> candidates = RemittanceService.candidates(payments, List.of(practice));
            List<RemittanceService.Flag> flags = new ArrayList<>();
            // the chunk's events (payment, status, denial, snapshot of each claim) go out in one statement
            outbox.deferred(() -> {
                remittances.postClaims(id, t, practice, payments, candidates, ambiguous, flags, new LinkedHashSet<>());
                return null;
            });
            remittances.insertFlags(id, flags);
            em.createNativeQuery("delete from remittance_pending_claim where remittance_id = ?1 and seq <= ?2")
                    .setParameter(1, id).setParameter(2, ((Number) rows.get(rows.size() - 1)[0]).intValue()).executeUpdate();
        }
        boolean more = payments.size() == size && !em.createNativeQuery(
                "select 1 from remittance_pending_claim where remittance_id = ?1 limit 1").setParameter(1, id).getResultList().isEmpty();
        em.createNativeQuery("""
                update remittance set processed_claims = processed_claims + ?2,
                  status = case when ?3 then 'PROCESSING' else 'POSTED' end,
                  lease_owner = case when ?3 then lease_owner end,
                  lease_until = case when ?3 then clock_timestamp() + cast(?4 as interval) end
                where remittance_id = ?1""")
                .setParameter(1, id).setParameter(2, payments.size()).setParameter(3, more)
                .setParameter(4, lease.toMillis() + " milliseconds").executeUpdate();
        return more;
    }

    /**
     * A chunk failed (its transaction rolled back, nothing of it stayed). The lease is given up
     * for {@code retryAfter}, so this or another instance tries again; after {@code maxAttempts}
     * the remittance is FAILED with a flag saying why, and its committed chunks stay posted.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(UUID id, String owner, String reason, int maxAttempts, Duration retryAfter) {
        @SuppressWarnings("unchecked")
        List<Number> attempts = em.createNativeQuery("""
                update remittance set attempts = attempts + 1, lease_owner = null,
                  lease_until = clock_timestamp() + cast(?3 as interval),
                  status = case when attempts + 1 >= ?4 then 'FAILED' else status end
                where remittance_id = ?1 and lease_owner = ?2 returning attempts""")
                .setParameter(1, id).setParameter(2, owner).setParameter(3, retryAfter.toMillis() + " milliseconds")
                .setParameter(4, maxAttempts).getResultList();
        if (!attempts.isEmpty() && attempts.get(0).intValue() >= maxAttempts) {
            remittances.insertFlags(id, List.of(new RemittanceService.Flag("POSTING_FAILED", "gave up after "
                    + maxAttempts + " failed attempts; the last: " + reason)));
        }
    }

    private List<Remittance835.Adjustment> adjustments(String stored) {
        try {
            List<List<String>> triplets = json.readValue(stored,
                    json.getTypeFactory().constructCollectionType(List.class, json.getTypeFactory().constructCollectionType(List.class, String.class)));
            return triplets.stream().map(a -> new Remittance835.Adjustment(a.get(0), a.get(1), new BigDecimal(a.get(2)))).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("pending adjustments of an earlier version: " + stored, e);
        }
    }
}
