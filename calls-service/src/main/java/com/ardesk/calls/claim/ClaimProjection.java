package com.ardesk.calls.claim;

import com.ardesk.events.claims.ClaimChanged;
import com.ardesk.events.claims.PayerChanged;
import com.ardesk.events.claims.PayerTermsChanged;
import com.ardesk.kit.jdbc.TextArrayColumns;
import com.ardesk.kit.problem.FieldError;
import com.ardesk.kit.problem.ProblemException;
import com.ardesk.kit.tenancy.Tenancy;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * calls-service's read model of claims and payers, fed by {@code ar.claims.v1}. Calls may only
 * reference claims this projection knows, which is how tenancy holds without asking claims-service.
 */
@ApplicationScoped
public class ClaimProjection {
    // the newer version wins, as in apply(): an older snapshot arriving late leaves the row alone
    private static final String UPSERT = """
            insert into claim_projection (claim_id, practice_id, external_claim_id, payer_id, status, balance,
              denial_category, version, updated_at)
            select cast(i as uuid), p, e, y, s, cast(b as numeric), d, cast(v as bigint), cast(u as timestamptz)
            from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
              cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[])) as r(i, p, e, y, s, b, d, v, u)
            on conflict (claim_id) do update set practice_id = excluded.practice_id,
              external_claim_id = excluded.external_claim_id, payer_id = excluded.payer_id, status = excluded.status,
              balance = excluded.balance, denial_category = excluded.denial_category, version = excluded.version,
              updated_at = excluded.updated_at
            where claim_projection.version <= excluded.version""";

    private final AgroalDataSource dataSource;
    private final EntityManager em;

    public ClaimProjection(AgroalDataSource dataSource, EntityManager em) {
        this.dataSource = dataSource;
        this.em = em;
    }

    /** One {@code ClaimChanged} of a practice, with the time it happened. */
    record Change(String practiceId, ClaimChanged changed, Instant occurredAt) {
    }

    /**
     * Several {@code ClaimChanged} in topic order, with the effect of {@link #apply(String, ClaimChanged, Instant)}
     * on each in turn, in one statement: per claim the last of its highest version wins.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void applyAll(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        if (changes.size() == 1) {
            Change only = changes.get(0);
            apply(only.practiceId(), only.changed(), only.occurredAt());
            return;
        }
        Map<UUID, Change> latest = new LinkedHashMap<>();
        for (Change change : changes) {
            latest.merge(change.changed().claimId(), change,
                    (kept, next) -> next.changed().version() >= kept.changed().version() ? next : kept);
        }
        // rows this transaction changed through Hibernate reach the table first, and none stays cached stale
        em.flush();
        em.clear();
        Instant now = Instant.now();
        List<Change> rows = List.copyOf(latest.values());
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(UPSERT)) {
            new TextArrayColumns<>(c, s, rows)
                    .add(r -> r.changed().claimId())
                    .add(Change::practiceId)
                    .add(r -> r.changed().externalClaimId())
                    .add(r -> r.changed().payerId())
                    .add(r -> r.changed().status())
                    .add(r -> r.changed().balance())
                    .add(r -> r.changed().denialCategory())
                    .add(r -> r.changed().version())
                    .add(r -> r.occurredAt() != null ? r.occurredAt() : now);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not project " + rows.size() + " claim snapshot(s)", e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void apply(String practiceId, ClaimChanged changed, Instant occurredAt) {
        ClaimSnapshot claim = ClaimSnapshot.findById(changed.claimId());
        if (claim == null) {
            claim = new ClaimSnapshot();
            claim.claimId = changed.claimId();
        } else if (claim.version > changed.version()) {
            return;
        }
        claim.practiceId = practiceId;
        claim.externalClaimId = changed.externalClaimId();
        claim.payerId = changed.payerId();
        claim.status = changed.status();
        claim.balance = changed.balance();
        claim.denialCategory = changed.denialCategory();
        claim.version = changed.version();
        claim.updatedAt = occurredAt != null ? occurredAt : Instant.now();
        claim.persist();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void apply(PayerChanged changed, Instant occurredAt) {
        PayerTerms payer = PayerTerms.findById(changed.payerId());
        if (payer == null) {
            payer = new PayerTerms();
            payer.payerId = changed.payerId();
        }
        payer.name = changed.name();
        payer.promiseGraceDays = changed.promiseGraceDays();
        payer.updatedAt = occurredAt != null ? occurredAt : Instant.now();
        payer.persist();
    }

    /** Replaces a practice's grace-day versions with a payer by the ones the event carries (it carries all). */
    @Transactional(Transactional.TxType.MANDATORY)
    void apply(String practiceId, PayerTermsChanged changed) {
        PracticePayerTerms.delete("key.practiceId = ?1 and key.payerId = ?2", practiceId, changed.payerId());
        for (PayerTermsChanged.Version v : changed.versions()) {
            PracticePayerTerms row = new PracticePayerTerms();
            row.key = new PracticePayerTerms.Key(practiceId, changed.payerId(), v.effectiveFrom());
            row.promiseGraceDays = v.promiseGraceDays();
            row.persist();
        }
    }

    /**
     * Grace days for a promise of a practice's claim with a payer, expected on {@code expectedOn}:
     * the practice's version in force on that date, else the payer's, else none (the method's default).
     */
    @Transactional
    public Optional<Integer> promiseGraceDays(String practiceId, String payerId, LocalDate expectedOn) {
        Optional<Integer> own = PracticePayerTerms.<PracticePayerTerms>find(
                        "key.practiceId = ?1 and key.payerId = ?2 and key.effectiveFrom <= ?3 order by key.effectiveFrom desc",
                        practiceId, payerId, expectedOn)
                .firstResultOptional().map(t -> t.promiseGraceDays);
        return own.or(() -> promiseGraceDays(payerId));
    }

    @Transactional
    public Optional<ClaimSnapshot> find(UUID claimId) {
        return ClaimSnapshot.findByIdOptional(claimId);
    }

    /** The payer's grace days when calls-service has heard of the payer. */
    @Transactional
    public Optional<Integer> promiseGraceDays(String payerId) {
        return PayerTerms.<PayerTerms>findByIdOptional(payerId).map(p -> p.promiseGraceDays);
    }

    /**
     * The claims a request names, checked in order; unknown claims, claims of a practice outside
     * the token, claims of another practice than {@code practiceId} and repeats are 422 naming
     * {@code field[i]}. An invisible claim gets exactly the unknown claim's answer, so the reply
     * never tells whether another practice's claim exists.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ClaimSnapshot> requireClaims(String field, List<UUID> claimIds, String practiceId, Tenancy tenancy) {
        Map<UUID, ClaimSnapshot> known = ClaimSnapshot.<ClaimSnapshot>list("claimId in ?1", claimIds).stream()
                .collect(Collectors.toMap(c -> c.claimId, Function.identity()));
        List<FieldError> errors = new ArrayList<>();
        List<ClaimSnapshot> result = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < claimIds.size(); i++) {
            UUID id = claimIds.get(i);
            ClaimSnapshot claim = known.get(id);
            if (claim != null && !tenancy.canSee(claim.practiceId)) {
                claim = null;
            }
            String at = field + "[" + i + "]";
            if (!seen.add(id)) {
                errors.add(new FieldError(at, "repeats claim " + id));
            } else if (claim == null) {
                errors.add(new FieldError(at, "claim " + id + " is not known to calls-service"));
            } else if (!claim.practiceId.equals(practiceId)) {
                errors.add(new FieldError(at, "claim " + id + " belongs to another practice than " + practiceId));
            } else {
                result.add(claim);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("unknown-claim", errors.size() == 1
                    ? errors.get(0).field() + ": " + errors.get(0).message()
                    : errors.size() + " claims cannot be used", errors);
        }
        return result;
    }
}
