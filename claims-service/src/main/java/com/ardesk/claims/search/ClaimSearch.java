package com.ardesk.claims.search;

import com.ardesk.kit.aging.AgingBasis;
import com.ardesk.kit.aging.AgingBucket;
import com.ardesk.kit.aging.AgingCalculator;
import com.ardesk.claims.claim.Claim;
import com.ardesk.claims.claim.ClaimStatus;
import com.ardesk.kit.aging.AgingConfig;
import com.ardesk.kit.time.PracticeClock;
import com.ardesk.kit.problem.FieldError;
import com.ardesk.kit.problem.ProblemException;
import com.ardesk.kit.tenancy.Tenancy;
import com.ardesk.kit.web.Keyset;
import com.ardesk.kit.web.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * GET /api/v1/claims: filters and keyset pages (no OFFSET, so page 500 is as fast as page 1) in
 * three orders: newest first, largest balance first, oldest first.
 * <p>
 * The query is JPQL built from fixed fragments, every value a bound parameter
 * (docs/decisions/0005-data-access-rule.md, rule 4). It goes through the {@link EntityManager}
 * rather than a Panache {@code find}, because the {@code denied} filter is a subquery correlated
 * with the claim ({@code c.claimId}), which needs the alias Panache's where-only form does not give.
 */
@ApplicationScoped
public class ClaimSearch {
    /** List orders the API offers. */
    public enum SortBy { CREATED, BALANCE, AGING }

    /** The list's filters; null means "any". */
    public record Filter(String practiceId, List<ClaimStatus> statuses, String payerId, String agingBucket,
                         BigDecimal minBalance, Boolean denied, SortBy sort) {
    }

    /** A WHERE clause being built and the values bound to its parameters. */
    private static final class Where {
        final StringBuilder clause = new StringBuilder("c.practiceId in :practices");
        final Map<String, Object> params = new HashMap<>();

        void and(String fragment, String name, Object value) {
            and(fragment);
            params.put(name, value);
        }

        void and(String fragment) {
            clause.append(" and ").append(fragment);
        }
    }

    /** Sort key, then claim id. */
    private static final Keyset PAGES = Keyset.of("claims", 2);

    private final EntityManager em;
    private final Tenancy tenancy;
    private final PracticeClock calendar;
    private final AgingConfig config;

    public ClaimSearch(EntityManager em, Tenancy tenancy, PracticeClock calendar, AgingConfig config) {
        this.em = em;
        this.tenancy = tenancy;
        this.calendar = calendar;
        this.config = config;
    }

    @Transactional
    public Page<ClaimSummary> search(Filter f, Integer limit, String cursor) {
        SortBy sort = f.sort() == null ? SortBy.CREATED : f.sort();
        Keyset.Request page = PAGES.request(limit, cursor, f.practiceId(), f.statuses(), f.payerId(), f.agingBucket(),
                f.minBalance(), f.denied(), sort);
        AgingBasis basis = config.basis();
        String basisField = basis == AgingBasis.FIRST_BILLED ? "c.submittedOn" : "c.serviceDateFrom";
        Where where = filters(f, basisField);
        String order = keyset(where, sort, basisField, page.after());
        TypedQuery<Claim> query = em.createQuery("select c from Claim c where " + where.clause + " order by " + order, Claim.class);
        where.params.forEach(query::setParameter);
        return page.pageViews(query.setMaxResults(page.fetch()).getResultList(), c -> List.of(switch (sort) {
            case BALANCE -> c.balance;
            case AGING -> AgingCalculator.basisDate(basis, c.submittedOn, c.serviceDateFrom);
            default -> c.createdAt;
        }, c.claimId), claims -> summaries(claims, basis));
    }

    /** The filters' conditions; 404 for a practice outside the token, 400 for an unknown aging bucket. */
    private Where filters(Filter f, String basisField) {
        Set<String> practices = tenancy.practices();
        if (f.practiceId() != null && !practices.contains(f.practiceId())) {
            throw ProblemException.notFound("practice", f.practiceId());
        }
        Where where = new Where();
        where.params.put("practices", f.practiceId() != null ? List.of(f.practiceId()) : practices);
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            where.and("c.status in :statuses", "statuses", f.statuses());
        }
        if (f.payerId() != null) {
            where.and("c.payerId = :payerId", "payerId", f.payerId());
        }
        if (f.minBalance() != null) {
            where.and("c.balance >= :minBalance", "minBalance", f.minBalance());
        }
        if (f.denied() != null) {
            where.and((f.denied() ? "exists" : "not exists") + " (select 1 from Denial d where d.claimId = c.claimId)");
        }
        if (f.agingBucket() != null) {
            AgingBucket bucket = AgingBucket.fromLabel(f.agingBucket());
            if (bucket == null) {
                throw ProblemException.validation(List.of(new FieldError("agingBucket",
                        "must be one of 0-30, 31-60, 61-90, 91-120, 120+")));
            }
            LocalDate today = calendar.today(f.practiceId());
            where.and(basisField + " <= :bucketNewest", "bucketNewest", today.minusDays(bucket.fromDays()));
            if (bucket.toDays() != Integer.MAX_VALUE) {
                where.and(basisField + " >= :bucketOldest", "bucketOldest", today.minusDays(bucket.toDays()));
            }
        }
        return where;
    }

    /**
     * Adds "after the cursor's row" to {@code where} when there is a cursor, and answers the ORDER BY
     * of {@code sort}; the claim id breaks ties, so the keyset is unique.
     */
    private static String keyset(Where where, SortBy sort, String basisField, Keyset.Position after) {
        String order = switch (sort) {
            case BALANCE -> "c.balance desc, c.claimId asc";
            case AGING -> basisField + " asc, c.claimId asc";
            default -> "c.createdAt desc, c.claimId asc";
        };
        if (after == null) {
            return order;
        }
        switch (sort) {
            case BALANCE -> where.and("(c.balance < :k1 or (c.balance = :k1 and c.claimId > :k2))",
                    "k1", after.decimal(0));
            case AGING -> where.and("(" + basisField + " > :k1 or (" + basisField + " = :k1 and c.claimId > :k2))",
                    "k1", after.date(0));
            default -> where.and("(c.createdAt < :k1 or (c.createdAt = :k1 and c.claimId > :k2))",
                    "k1", after.instant(0));
        }
        where.params.put("k2", after.uuid(1));
        return order;
    }

    private List<ClaimSummary> summaries(List<Claim> page, AgingBasis basis) {
        List<UUID> ids = page.stream().map(c -> c.claimId).toList();
        Set<UUID> deniedIds = ids.isEmpty() ? Set.of() : Set.copyOf(em.createQuery(
                "select distinct d.claimId from Denial d where d.claimId in :ids", UUID.class)
                .setParameter("ids", ids).getResultList());
        return page.stream().map(c -> {
            long days = AgingCalculator.agingDays(AgingCalculator.basisDate(basis, c.submittedOn, c.serviceDateFrom),
                    calendar.today(c.practiceId));
            return new ClaimSummary(c.claimId, c.practiceId, c.externalClaimId, c.payerId, c.status,
                    c.serviceDateFrom, c.submittedOn, c.billedAmount, c.balance, days, AgingBucket.of(days),
                    deniedIds.contains(c.claimId));
        }).toList();
    }
}
