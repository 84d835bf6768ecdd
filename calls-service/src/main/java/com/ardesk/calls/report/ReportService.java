package com.ardesk.calls.report;

import com.ardesk.kit.problem.ProblemException;
import com.ardesk.kit.tenancy.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Call analytics, computed in PostgreSQL so the numbers scale with the data, not with this JVM. */
@ApplicationScoped
public class ReportService {
    /** One promise per call (unique index) and reviews pre-aggregated per call, so joins never double count. */
    private static final String METRICS = """
            select %s as group_key,
                   count(*) as calls,
                   coalesce(sum(c.duration_seconds), 0) as talk_seconds,
                   count(p.promise_id) as promises_made,
                   count(p.promise_id) filter (where p.status = 'KEPT') as promises_kept,
                   count(p.promise_id) filter (where p.status = 'BROKEN') as promises_broken,
                   coalesce(sum(r.score_sum), 0) as score_sum,
                   coalesce(sum(r.reviews), 0) as reviews
            from call_record c
            left join promise p on p.call_id = c.call_id
            left join (select call_id, sum(score) as score_sum, count(*) as reviews
                       from call_review group by call_id) r on r.call_id = c.call_id
            where c.practice_id in (:practices) and c.started_at >= :from and c.started_at < :to
            group by 1
            order by 1""";
    private static final String MIX = """
            select %s as group_key, c.outcome, count(*)
            from call_record c
            where c.practice_id in (:practices) and c.started_at >= :from and c.started_at < :to
            group by 1, 2""";
    private static final int MAX_DAYS = 366;

    private final EntityManager em;
    private final Tenancy tenancy;

    public ReportService(EntityManager em, Tenancy tenancy) {
        this.em = em;
        this.tenancy = tenancy;
    }

    @Transactional
    public CallReport calls(String practiceId, LocalDate from, LocalDate to, GroupBy groupBy) {
        if (from.isAfter(to)) {
            throw ProblemException.validation("from", "must not be after to");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw ProblemException.validation("to", "the period may span at most " + MAX_DAYS + " days");
        }
        Set<String> practices;
        if (practiceId != null) {
            tenancy.requireVisible(practiceId, "practice", practiceId);
            practices = Set.of(practiceId);
        } else {
            practices = tenancy.practices();
        }
        String key = groupBy.name().toLowerCase(Locale.ROOT);
        if (practices.isEmpty()) {
            return new CallReport(null, from, to, key, List.of(), row("total", 0, 0, Map.of(), 0, 0, 0, 0, 0));
        }
        Map<String, Map<String, Long>> mix = mix(groupBy.sql, practices, from, to);
        Map<String, Map<String, Long>> totalMix = mix("'total'", practices, from, to);
        List<CallReport.Row> rows = metrics(groupBy.sql, practices, from, to, mix);
        List<CallReport.Row> totals = metrics("'total'", practices, from, to, totalMix);
        return new CallReport(practiceId, from, to, key, rows,
                totals.isEmpty() ? row("total", 0, 0, Map.of(), 0, 0, 0, 0, 0) : totals.get(0));
    }

    private List<CallReport.Row> metrics(String keySql, Collection<String> practices, LocalDate from, LocalDate to,
                                         Map<String, Map<String, Long>> mix) {
        List<CallReport.Row> rows = new ArrayList<>();
        for (Object o : bind(em.createNativeQuery(METRICS.formatted(keySql)), practices, from, to).getResultList()) {
            Object[] r = (Object[]) o;
            String key = String.valueOf(r[0]);
            rows.add(row(key, n(r[1]), n(r[2]), mix.getOrDefault(key, Map.of()), n(r[3]), n(r[4]), n(r[5]), n(r[6]),
                    n(r[7])));
        }
        return rows;
    }

    private Map<String, Map<String, Long>> mix(String keySql, Collection<String> practices, LocalDate from, LocalDate to) {
        Map<String, Map<String, Long>> mix = new HashMap<>();
        for (Object o : bind(em.createNativeQuery(MIX.formatted(keySql)), practices, from, to).getResultList()) {
            Object[] r = (Object[]) o;
            mix.computeIfAbsent(String.valueOf(r[0]), k -> new TreeMap<>()).put(String.valueOf(r[1]), n(r[2]));
        }
        return mix;
    }

    private static Query bind(Query query, Collection<String> practices, LocalDate from, LocalDate to) {
        return query.setParameter("practices", practices)
                .setParameter("from", from.atStartOfDay(ZoneOffset.UTC).toInstant())
                .setParameter("to", to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static CallReport.Row row(String key, long calls, long talkSeconds, Map<String, Long> mix, long made,
                                      long kept, long broken, long scoreSum, long reviews) {
        BigDecimal perHour = talkSeconds == 0 ? null : BigDecimal.valueOf(calls * 3600L)
                .divide(BigDecimal.valueOf(talkSeconds), 2, RoundingMode.HALF_UP);
        BigDecimal keptRate = kept + broken == 0 ? null : BigDecimal.valueOf(kept)
                .divide(BigDecimal.valueOf(kept + broken), 4, RoundingMode.HALF_UP);
        BigDecimal score = reviews == 0 ? null : BigDecimal.valueOf(scoreSum)
                .divide(BigDecimal.valueOf(reviews), 2, RoundingMode.HALF_UP);
        return new CallReport.Row(key, calls, talkSeconds, perHour, mix, made, kept, broken, keptRate, score, reviews);
    }

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
