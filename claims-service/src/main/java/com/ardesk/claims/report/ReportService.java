package com.ardesk.claims.report;

import com.ardesk.claims.claim.Money;
import com.ardesk.kit.aging.AgingBasis;
import com.ardesk.kit.aging.AgingBucket;
import com.ardesk.kit.problem.FieldError;
import com.ardesk.kit.problem.ProblemException;
import com.ardesk.kit.tenancy.Tenancy;
import com.ardesk.kit.time.PracticeClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AR reports, aggregated by PostgreSQL: no claim is loaded into memory, so they cost the same for a
 * hundred claims as for a million rows' worth of index scans.
 */
@ApplicationScoped
public class ReportService {
    static final int DAYS_IN_AR_WINDOW = 90;
    /** Open AR: money still owed by the payer on a claim that is still being worked. */
    private static final String OPEN = "balance > 0 and status not in ('WRITTEN_OFF', 'CLOSED')";

    private final EntityManager em;
    private final Tenancy tenancy;
    private final PracticeClock calendar;

    public ReportService(EntityManager em, Tenancy tenancy, PracticeClock calendar) {
        this.em = em;
        this.tenancy = tenancy;
        this.calendar = calendar;
    }

    @Transactional
    public ReportViews.ArAging arAging(String practiceId, AgingBasis basis, LocalDate asOf) {
        requirePractice(practiceId);
        LocalDate day = asOf != null ? asOf : calendar.today(practiceId);
        String sql = """
                select payer_id, bucket, count(*), sum(balance) from (
                  select payer_id, balance, case
                    when age <= 30 then '0-30' when age <= 60 then '31-60' when age <= 90 then '61-90'
                    when age <= 120 then '91-120' else '120+' end as bucket
                  from (select payer_id, balance, greatest(0, cast(:asOf as date) - coalesce(%s, service_date_from)) as age
                        from claim where practice_id = :practice and %s) aged
                ) bucketed group by payer_id, bucket order by payer_id""".formatted(basis.column(), OPEN);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter("asOf", day).setParameter("practice", practiceId)
                .getResultList();
        Map<String, Map<String, BucketSum>> byPayer = new LinkedHashMap<>();
        Map<String, BucketSum> total = emptyBuckets();
        for (Object[] r : rows) {
            String payer = (String) r[0];
            String bucket = (String) r[1];
            long count = ((Number) r[2]).longValue();
            BigDecimal balance = (BigDecimal) r[3];
            byPayer.computeIfAbsent(payer, p -> emptyBuckets()).get(bucket).add(count, balance);
            total.get(bucket).add(count, balance);
        }
        List<ReportViews.PayerAging> payers = new ArrayList<>();
        byPayer.forEach((payer, buckets) -> payers.add(new ReportViews.PayerAging(payer, count(buckets), sum(buckets),
                list(buckets))));
        return new ReportViews.ArAging(practiceId, day, basis, count(total), sum(total), list(total), payers);
    }

    @Transactional
    public ReportViews.Kpis kpis(String practiceId, LocalDate from, LocalDate to) {
        requirePractice(practiceId);
        LocalDate end = to != null ? to : calendar.today(practiceId);
        LocalDate start = from != null ? from : end.minusDays(DAYS_IN_AR_WINDOW - 1);
        if (start.isAfter(end)) {
            throw ProblemException.validation(List.of(new FieldError("from", "must be on or before to")));
        }
        Object[] ar = (Object[]) em.createNativeQuery("""
                select coalesce(sum(balance), 0),
                       coalesce(sum(balance) filter (where cast(:asOf as date) - coalesce(submitted_on, service_date_from) > 90), 0)
                from claim where practice_id = :practice and %s""".formatted(OPEN))
                .setParameter("asOf", end).setParameter("practice", practiceId).getSingleResult();
        BigDecimal totalAr = (BigDecimal) ar[0];
        BigDecimal over90 = (BigDecimal) ar[1];
        BigDecimal charges = (BigDecimal) em.createNativeQuery("""
                select coalesce(sum(billed_amount), 0) from claim
                where practice_id = :practice and submitted_on > cast(:asOf as date) - %d and submitted_on <= :asOf"""
                .formatted(DAYS_IN_AR_WINDOW))
                .setParameter("practice", practiceId).setParameter("asOf", end).getSingleResult();

        // adjudicated in the period: the payer answered (a payment or a denial dated in it)
        String adjudicated = """
                with adjudicated as (
                  select c.claim_id, c.payer_id, c.billed_amount from claim c where c.practice_id = :practice and (
                    exists (select 1 from payment p where p.claim_id = c.claim_id and p.paid_on between :from and :to)
                    or exists (select 1 from denial d where d.claim_id = c.claim_id and d.denied_on between :from and :to))),
                denied as (
                  select d.claim_id, d.category, sum(d.amount) as amount from denial d join adjudicated a using (claim_id)
                  where d.denied_on between :from and :to group by d.claim_id, d.category)
                """;
        Object[] rate = (Object[]) em.createNativeQuery(adjudicated + """
                select (select count(*) from adjudicated), (select count(distinct claim_id) from denied),
                       (select coalesce(sum(billed_amount), 0) from adjudicated), (select coalesce(sum(amount), 0) from denied)""")
                .setParameter("practice", practiceId).setParameter("from", start).setParameter("to", end).getSingleResult();
        long adjudicatedCount = ((Number) rate[0]).longValue();
        long deniedCount = ((Number) rate[1]).longValue();
        BigDecimal adjudicatedBilled = (BigDecimal) rate[2];
        BigDecimal deniedAmount = (BigDecimal) rate[3];

        List<ReportViews.DenialSlice> byCategory = slices(adjudicated + """
                select category, count(distinct claim_id), (select count(*) from adjudicated), sum(amount)
                from denied group by category order by count(distinct claim_id) desc, category""", practiceId, start, end);
        List<ReportViews.DenialSlice> byPayer = slices(adjudicated + """
                select a.payer_id, count(distinct d.claim_id), count(distinct a.claim_id), coalesce(sum(d.amount), 0)
                from adjudicated a left join denied d using (claim_id) group by a.payer_id order by a.payer_id""",
                practiceId, start, end);

        Object[] ncr = (Object[]) em.createNativeQuery("""
                select coalesce(sum(c.paid_amount), 0), coalesce(sum(c.billed_amount), 0),
                       coalesce((select sum(pa.amount) from payment_adjustment pa join payment p on p.payment_id = pa.payment_id
                                 join claim c2 on c2.claim_id = p.claim_id
                                 where pa.group_code = 'CO' and c2.practice_id = :practice
                                   and c2.submitted_on between :from and :to), 0)
                from claim c where c.practice_id = :practice and c.submitted_on between :from and :to""")
                .setParameter("practice", practiceId).setParameter("from", start).setParameter("to", end).getSingleResult();

        return new ReportViews.Kpis(practiceId, start, end,
                KpiMath.daysInAr(totalAr, charges, DAYS_IN_AR_WINDOW), DAYS_IN_AR_WINDOW, totalAr,
                KpiMath.percent(over90, totalAr), adjudicatedCount, deniedCount,
                KpiMath.percent(deniedCount, adjudicatedCount), KpiMath.percent(deniedAmount, adjudicatedBilled),
                byCategory, byPayer,
                KpiMath.netCollectionRate((BigDecimal) ncr[0], (BigDecimal) ncr[1], (BigDecimal) ncr[2]));
    }

    private List<ReportViews.DenialSlice> slices(String sql, String practiceId, LocalDate from, LocalDate to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter("practice", practiceId)
                .setParameter("from", from).setParameter("to", to).getResultList();
        return rows.stream().map(r -> {
            long denied = ((Number) r[1]).longValue();
            long adjudicated = ((Number) r[2]).longValue();
            return new ReportViews.DenialSlice((String) r[0], denied, adjudicated, (BigDecimal) r[3],
                    KpiMath.percent(denied, adjudicated));
        }).toList();
    }

    private void requirePractice(String practiceId) {
        if (practiceId == null || practiceId.isBlank()) {
            throw ProblemException.validation("practiceId", "is required");
        }
        tenancy.requireVisible(practiceId, "practice", practiceId);
    }

    /** A mutable running total while folding SQL rows into buckets. */
    private static final class BucketSum {
        long count;
        BigDecimal balance = Money.ZERO;

        void add(long n, BigDecimal amount) {
            count += n;
            balance = balance.add(amount);
        }
    }

    private static Map<String, BucketSum> emptyBuckets() {
        Map<String, BucketSum> m = new LinkedHashMap<>();
        for (AgingBucket b : AgingBucket.values()) {
            m.put(b.label(), new BucketSum());
        }
        return m;
    }

    private static long count(Map<String, BucketSum> buckets) {
        return buckets.values().stream().mapToLong(b -> b.count).sum();
    }

    private static BigDecimal sum(Map<String, BucketSum> buckets) {
        return buckets.values().stream().map(b -> b.balance).reduce(Money.ZERO, BigDecimal::add);
    }

    private static List<ReportViews.BucketTotal> list(Map<String, BucketSum> buckets) {
        List<ReportViews.BucketTotal> out = new ArrayList<>();
        buckets.forEach((label, b) -> out.add(new ReportViews.BucketTotal(label, b.count, b.balance)));
        return out;
    }
}
