package com.ardesk.followup.schedule;

import com.ardesk.followup.infra.RulesConfig;
import com.ardesk.followup.projection.ClaimSnapshot;
import com.ardesk.followup.rules.FollowUpRules;
import com.ardesk.followup.rules.PriorityScore;
import com.ardesk.followup.rules.TaskAction;
import com.ardesk.followup.task.FollowupTask;
import com.ardesk.followup.task.TaskEngine;
import com.ardesk.kit.job.AdvisoryLocks;
import com.ardesk.kit.time.PracticeClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The scheduler's work. Each tick's main part runs in one transaction that first takes a
 * transaction-level advisory lock; replicas that don't get it skip the tick, so exactly one instance
 * acts at a time and a crashed one frees the lock with its connection.
 */
@ApplicationScoped
public class SchedulerJobs {
    /** Shared by every followup-service replica; distinct from the outbox relay's lock. */
    static final long LOCK_KEY = AdvisoryLocks.key("ardesk-followup-scheduler");
    static final String DAILY = "daily";
    private static final int PAGE = 1000;

    private final AgroalDataSource dataSource;
    private final EntityManager em;
    private final TaskEngine engine;
    private final RulesConfig config;
    private final PracticeClock clock;

    public SchedulerJobs(AgroalDataSource dataSource, EntityManager em, TaskEngine engine, RulesConfig config, PracticeClock clock) {
        this.dataSource = dataSource;
        this.em = em;
        this.engine = engine;
        this.config = config;
        this.clock = clock;
    }

    /** What one tick did; {@code ran} is false when another instance holds the lock. */
    public record Tick(boolean ran, int woken, int leasesExpired, int deadlineScans, int rescored) {
    }

    /**
     * One tick: the locked part in one transaction; then, on the first tick of a day, the
     * re-scoring in page-sized transactions of its own, so 200k tasks never make one long
     * transaction. Only the instance that claimed the day re-scores.
     */
    public Tick run() {
        Locked tick = QuarkusTransaction.requiringNew().call(this::lockedTick);
        if (!tick.daily()) {
            return new Tick(tick.ran(), tick.woken(), tick.leasesExpired(), 0, 0);
        }
        int rescored = 0;
        UUID after = new UUID(0, 0);
        while (after != null) {
            UUID from = after;
            Page page = QuarkusTransaction.requiringNew().call(() -> rescorePage(from));
            rescored += page.changed();
            after = page.last();
        }
        Log.infof("scheduler daily run for %s: %d claims near a deadline, %d tasks re-scored", clock.today(),
                tick.deadlineScans(), rescored);
        return new Tick(true, tick.woken(), tick.leasesExpired(), tick.deadlineScans(), rescored);
    }

    /** The locked part of a tick; {@code daily} when this instance claimed a new day in some practice's zone. */
    record Locked(boolean ran, int woken, int leasesExpired, boolean daily, int deadlineScans) {
    }

    Locked lockedTick() {
        if (!tryLock()) {
            return new Locked(false, 0, 0, false, 0);
        }
        int woken = wakeSnoozed();
        int expired = expireLeases();
        // each zone's midnight starts a daily run; rows of zones whose day did not move
        // score the same and stay unwritten
        boolean daily = claimDay(DAILY, clock.today());
        for (ZoneId zone : overriddenZones()) {
            daily |= claimDay(DAILY + "@" + zone.getId(), LocalDate.ofInstant(clock.now(), zone));
        }
        if (!daily) {
            return new Locked(true, woken, expired, false, 0);
        }
        return new Locked(true, woken, expired, true, scanDeadlines());
    }

    /** One page of re-scoring: how many rows changed and the last task id, or null after the last page. */
    record Page(int changed, UUID last) {
    }

    private boolean tryLock() {
        return AdvisoryLocks.tryLock(em, LOCK_KEY);
    }

    /** Snoozed tasks whose day has come in their practice's zone are OPEN again, due that day. */
    int wakeSnoozed() {
        List<String> zoned = List.copyOf(clock.ownZones().keySet());
        int woken = 0;
        for (String practiceId : zoned) {
            woken += wake("practice_id = ?2", practiceId, clock.today(practiceId));
        }
        return woken + (zoned.isEmpty() ? wake("true", null, clock.today())
                : wake("practice_id not in (?2)", zoned, clock.today()));
    }

    private int wake(String practices, Object practiceParam, LocalDate day) {
        Query query = em.createNativeQuery("""
                with woken as (
                    update followup_task set status = 'OPEN', snoozed_until = null, updated_at = now(),
                        version = version + 1
                    where status = 'SNOOZED' and snoozed_until <= ?1 and %s
                    returning task_id, claim_id, practice_id, type)
                insert into timeline_entry (claim_id, practice_id, occurred_at, kind, summary, ref_id)
                select claim_id, practice_id, now(), 'TASK_WOKEN', type || ' is open again after its snooze', task_id::text
                from woken""".formatted(practices)).setParameter(1, day);
        return (practiceParam == null ? query : query.setParameter(2, practiceParam)).executeUpdate();
    }

    /** Leases past their time are free anyway; clearing them keeps worklists tidy. */
    int expireLeases() {
        return em.createNativeQuery("""
                update followup_task set leased_by = null, lease_until = null, version = version + 1
                where lease_until < now()""").executeUpdate();
    }

    /** True once per calendar day of one zone, across all replicas. */
    boolean claimDay(String job, LocalDate day) {
        return em.createNativeQuery("""
                insert into scheduler_state (job, last_day, updated_at) values (?1, ?2, now())
                on conflict (job) do update set last_day = excluded.last_day, updated_at = now()
                where scheduler_state.last_day < excluded.last_day""")
                .setParameter(1, job).setParameter(2, day).executeUpdate() == 1;
    }

    /**
     * Claims whose timely-filing or appeal deadline came within their practice's lead days get
     * their task; the rule keys make a repeat scan a no-op. The query window is the widest any
     * practice uses (a day either side for zones); each practice's rules decide.
     */
    int scanDeadlines() {
        Instant now = clock.now();
        LocalDate from = clock.today().minusDays(1);
        int filingLead = config.timelyFilingLeadDays();
        int appealLead = config.appealLeadDays();
        for (String practiceId : config.practices().keySet()) {
            filingLead = Math.max(filingLead, config.settings(practiceId).timelyFilingLeadDays());
            appealLead = Math.max(appealLead, config.settings(practiceId).appealLeadDays());
        }
        Map<String, FollowUpRules> rules = new HashMap<>();
        int count = 0;
        List<ClaimSnapshot> filing = ClaimSnapshot.list("status in ?1 and balance > 0 and timelyFilingDeadline between ?2 and ?3",
                List.copyOf(FollowUpRules.AWAITING_PAYER), from, from.plusDays(filingLead + 2L));
        for (ClaimSnapshot claim : filing) {
            Optional<TaskAction> action = rules(rules, claim.practiceId).nearingTimelyFiling(claim.status, claim.balance,
                    claim.timelyFilingDeadline, clock.today(claim.practiceId));
            if (action.isPresent()) {
                engine.apply(claim.claimId, claim.practiceId, List.of(action.get()), "scheduler", now);
                count++;
            }
        }
        List<ClaimSnapshot> appeals = ClaimSnapshot.list("status = 'DENIED' and appealDeadline between ?1 and ?2",
                from, from.plusDays(appealLead + 2L));
        for (ClaimSnapshot claim : appeals) {
            LocalDate day = clock.today(claim.practiceId);
            if (claim.appealDeadline.isAfter(day.plusDays(config.settings(claim.practiceId).appealLeadDays()))) {
                continue;
            }
            Optional<TaskAction> action = rules(rules, claim.practiceId).appealDeadline(claim.appealDeadline, day);
            if (action.isPresent()) {
                engine.apply(claim.claimId, claim.practiceId, List.of(action.get()), "scheduler", now);
                count++;
            }
        }
        return count;
    }

    private FollowUpRules rules(Map<String, FollowUpRules> cache, String practiceId) {
        return cache.computeIfAbsent(practiceId, id -> new FollowUpRules(config.settings(id)));
    }

    private List<ZoneId> overriddenZones() {
        return clock.ownZones().values().stream().distinct()
                .filter(zone -> !zone.equals(clock.defaultZone())).toList();
    }

    /**
     * Re-scores one page of open tasks for the new day (days-to-deadline and aging move daily),
     * writing only rows whose score or reasons changed.
     */
    Page rescorePage(UUID after) {
        Map<String, LocalDate> days = new HashMap<>();
        int changed = 0;
        int rows = 0;
        UUID last = after;
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("""
                     select t.task_id, t.practice_id, t.priority, t.because, s.status, s.balance,
                            s.submitted_on, s.service_date_from, s.appeal_deadline,
                            s.timely_filing_deadline, s.denial_category,
                            (select array_agg(p.expected_on) from promise p
                              where p.claim_id = t.claim_id and p.status = 'OPEN') as promised,
                            (select max(p.settled_on) from promise p
                              where p.claim_id = t.claim_id and p.status = 'BROKEN') as broken_on,
                            (select d.category from denial d where d.claim_id = t.claim_id
                              order by d.denied_on desc limit 1) as latest_denial
                     from followup_task t left join claim_snapshot s on s.claim_id = t.claim_id
                     where t.status in ('OPEN', 'SNOOZED') and t.task_id > ?
                     order by t.task_id limit ?""");
             PreparedStatement update = c.prepareStatement(
                     "update followup_task set priority = ?, because = ? where task_id = ?")) {
            select.setObject(1, after);
            select.setInt(2, PAGE);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    last = rs.getObject("task_id", UUID.class);
                    PriorityScore.Priority p = engine.score(TaskEngine.input(rs.getString("status"),
                            rs.getBigDecimal("balance"), engine.agingFrom(rs.getObject("submitted_on", LocalDate.class),
                                    rs.getObject("service_date_from", LocalDate.class)),
                            rs.getObject("appeal_deadline", LocalDate.class),
                            rs.getObject("timely_filing_deadline", LocalDate.class), dates(rs.getArray("promised")),
                            rs.getObject("broken_on", LocalDate.class), rs.getString("denial_category"),
                            rs.getString("latest_denial")),
                            days.computeIfAbsent(rs.getString("practice_id"), clock::today));
                    String because = FollowupTask.joinBecause(p.because());
                    if (p.score() != rs.getInt("priority") || !because.equals(rs.getString("because"))) {
                        update.setInt(1, p.score());
                        update.setString(2, because);
                        update.setObject(3, last);
                        update.addBatch();
                        changed++;
                    }
                }
            }
            update.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("re-scoring tasks failed", e);
        }
        return new Page(changed, rows < PAGE ? null : last);
    }

    private static List<LocalDate> dates(Array array) throws SQLException {
        List<LocalDate> dates = new ArrayList<>();
        if (array != null) {
            for (Object value : (Object[]) array.getArray()) {
                if (value instanceof java.sql.Date date) {
                    dates.add(date.toLocalDate());
                } else if (value instanceof LocalDate date) {
                    dates.add(date);
                }
            }
        }
        return dates;
    }
}
