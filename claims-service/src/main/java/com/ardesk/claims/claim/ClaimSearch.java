package com.ardesk.claims.claim;

import com.ardesk.claims.aging.AgingBasis;
import com.ardesk.claims.aging.AgingBucket;
import com.ardesk.claims.aging.AgingCalculator;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * GET /api/v1/claims: filters and keyset pages (no OFFSET, so page 500 is as fast as page 1) in
 * three orders: newest first, largest balance first, oldest first.
 */
@ApplicationScoped
public class ClaimSearch {
    /** List orders the API offers. */
    public enum SortBy { CREATED, BALANCE, AGING }

    /** The list's filters; null means "any". */
    public record Filter(String practiceId, List<ClaimStatus> statuses, String payerId, String agingBucket,
                         BigDecimal minBalance, Boolean denied, SortBy sort) {
    }

    /** Sort key, then claim id. */
    private static final Keyset PAGES = Keyset.of("claims", 2);

    private final EntityManager em;
    private final Tenancy tenancy;
    private final PracticeCalendar calendar;
    private final ClaimsConfig config;

    public ClaimSearch(EntityManager em, Tenancy tenancy, PracticeCalendar calendar, ClaimsConfig config) {
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
        Set<String> practices = tenancy.practices();
        if (f.practiceId() != null && !practices.contains(f.practiceId())) {
            throw ProblemException.notFound("practice", f.practiceId());
        }
        AgingBasis basis = config.agingBasis();
        String basisField = basis == AgingBasis.FIRST_BILLED ? "c.submittedOn" : "c.serviceDateFrom";
        StringBuilder where = new StringBuilder("c.practiceId in :practices");
        Map<String, Object> params = new HashMap<>();
        params.put("practices", f.practiceId() != null ? List.of(f.practiceId()) : practices);
        LocalDate today = calendar.today(f.practiceId());
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            where.append(" and c.status in :statuses");
            params.put("statuses", f.statuses());
        }
        if (f.payerId() != null) {
            where.append(" and c.payerId = :payerId");
            params.put("payerId", f.payerId());
        }
        if (f.minBalance() != null) {
            where.append(" and c.balance >= :minBalance");
            params.put("minBalance", f.minBalance());
        }
        if (f.denied() != null) {
            where.append(f.denied() ? " and exists" : " and not exists")
                    .append(" (select 1 from Denial d where d.claimId = c.claimId)");
        }
        if (f.agingBucket() != null) {
            AgingBucket bucket = AgingBucket.fromLabel(f.agingBucket());
            if (bucket == null) {
                throw ProblemException.validation(List.of(new FieldError("agingBucket",
                        "must be one of 0-30, 31-60, 61-90, 91-120, 120+")));
            }
            where.append(" and ").append(basisField).append(" <= :bucketNewest");
            params.put("bucketNewest", today.minusDays(bucket.fromDays()));
            if (bucket.toDays() != Integer.MAX_VALUE) {
                where.append(" and ").append(basisField).append(" >= :bucketOldest");
                params.put("bucketOldest", today.minusDays(bucket.toDays()));
            }
        }
        Keyset.Position after = page.after();
        String order;
        switch (sort) {
            case BALANCE -> {
                order = "c.balance desc, c.claimId asc";
                if (after != null) {
                    where.append(" and (c.balance < :k1 or (c.balance = :k1 and c.claimId > :k2))");
                    params.put("k1", after.decimal(0));
                }
            }
            case AGING -> {
                order = basisField + " asc, c.claimId asc";
                if (after != null) {
                    where.append(" and (").append(basisField).append(" > :k1 or (").append(basisField)
                            .append(" = :k1 and c.claimId > :k2))");
                    params.put("k1", after.date(0));
                }
            }
            default -> {
                order = "c.createdAt desc, c.claimId asc";
                if (after != null) {
                    where.append(" and (c.createdAt < :k1 or (c.createdAt = :k1 and c.claimId > :k2))");
                    params.put("k1", after.instant(0));
                }
            }
        }
        if (after != null) {
            params.put("k2", after.uuid(1));
        }
        TypedQuery<Claim> query = em.createQuery("select c from Claim c where " + where + " order by " + order, Claim.class);
        params.forEach(query::setParameter);
        return page.pageViews(query.setMaxResults(page.fetch()).getResultList(), c -> List.of(switch (sort) {
            case BALANCE -> c.balance;
            case AGING -> AgingCalculator.basisDate(basis, c.submittedOn, c.serviceDateFrom);
            default -> c.createdAt;
        }, c.claimId), claims -> summaries(claims, basis));
    }

    /** The page's rows as summaries: one query for which of them have denials. */
    private List<ClaimSummary> summaries(List<Claim> claims, AgingBasis basis) {
        List<UUID> ids = claims.stream().map(c -> c.claimId).toList();
        Set<UUID> deniedIds = ids.isEmpty() ? Set.of() : Set.copyOf(em.createQuery(
                "select distinct d.claimId from Denial d where d.claimId in :ids", UUID.class)
                .setParameter("ids", ids).getResultList());
        List<ClaimSummary> items = new ArrayList<>();
        for (Claim c : claims) {
            long days = AgingCalculator.agingDays(AgingCalculator.basisDate(basis, c.submittedOn, c.serviceDateFrom),
                    calendar.today(c.practiceId));
            items.add(new ClaimSummary(c.claimId, c.practiceId, c.externalClaimId, c.payerId, c.status,
                    c.serviceDateFrom, c.submittedOn, c.billedAmount, c.balance, days, AgingBucket.of(days),
                    deniedIds.contains(c.claimId)));
        }
        return items;
    }
}
