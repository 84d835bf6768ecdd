package com.ardesk.followup.worklist;

import com.ardesk.kit.web.Params;
import com.ardesk.followup.infra.WorklistConfig;
import com.ardesk.followup.prep.PrepService;
import com.ardesk.followup.projection.ClaimSnapshot;
import com.ardesk.followup.rules.TaskType;
import com.ardesk.followup.task.FollowupTask;
import com.ardesk.kit.aging.AgingBucket;
import com.ardesk.kit.aging.AgingCalculator;
import com.ardesk.kit.aging.AgingConfig;
import com.ardesk.kit.problem.ProblemException;
import com.ardesk.kit.tenancy.Tenancy;
import com.ardesk.kit.time.PracticeClock;
import com.ardesk.kit.web.Cursors;
import com.ardesk.kit.web.Keyset;
import com.ardesk.kit.web.Page;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Worklists and the next-call lease, in plain SQL: these are the hot queries (every caller, many
 * times an hour, over 200k open tasks), written to walk the partial priority indexes and stop early.
 */
@ApplicationScoped
public class WorklistService {
    /** The one worklist order: priority first, then the oldest due date; task id makes it total. */
    static final String ORDER = "priority desc, due_on, task_id";
    private static final String ITEM_COLUMNS = """
            t.task_id, t.practice_id, t.claim_id, s.external_claim_id, t.type, t.due_on, t.assignee, t.priority, t.reason,
            t.because, s.balance, s.submitted_on, s.service_date_from, s.payer_id, p.name,
            t.leased_by, t.lease_until
            """;
    /** Takes the lease and reads the leased item back in one round trip. */
    private static final String LEASE = """
            with t as (update followup_task set leased_by = ?, lease_until = now() + make_interval(mins => ?),
                version = version + 1 where task_id = ? returning *)
            """ + "select " + ITEM_COLUMNS + """
             from t left join claim_snapshot s on s.claim_id = t.claim_id
             left join payer_info p on p.payer_id = s.payer_id""";
    /** Both worklists, in {@link #ORDER}; two names, so a cursor of one is refused by the other. */
    private static final Keyset MINE = Keyset.of("worklist-mine", 3);
    private static final Keyset SEARCH = Keyset.of("worklist-search", 3);
    private static final String KEYSET = " and (t.priority < ? or (t.priority = ? and (t.due_on > ? or (t.due_on = ? and t.task_id > ?))))";

    private final AgroalDataSource dataSource;
    private final Tenancy tenancy;
    private final PracticeClock clock;
    private final WorklistConfig config;
    private final PrepService prep;
    private final AgingConfig aging;

    public WorklistService(AgroalDataSource dataSource, Tenancy tenancy, PracticeClock clock, WorklistConfig config,
                           PrepService prep, AgingConfig aging) {
        this.dataSource = dataSource;
        this.tenancy = tenancy;
        this.clock = clock;
        this.config = config;
        this.prep = prep;
        this.aging = aging;
    }

    /**
     * The user's open tasks due today or earlier plus the unassigned ones of their practices, minus
     * those another caller holds a lease on. One read-only statement: no transaction to begin and commit.
     */
    public Page<WorklistItem> mine(Integer limit, String cursor) {
        Keyset.Request page = MINE.request(limit, cursor);
        Set<String> practices = tenancy.practices();
        if (practices.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        try (Connection c = dataSource.getConnection()) {
            LocalDate day = latestDate(practices);
            return page(page, candidates(tenancy.user(), practices, day, true, null, page.after(), page.fetch()).run(c));
        } catch (SQLException e) {
            throw new IllegalStateException("worklist query failed", e);
        }
    }

    /**
     * Open work the user may take, in worklist order: one index walk over their own tasks and one
     * per practice over its unassigned tasks (an equality on practice_id lets each walk the
     * partial index in order and stop at {@code limit}), merged.
     *
     * @param withMyLeases whether tasks the user already holds count (the list shows them; /next skips them)
     * @param exclude      task ids to leave out, or null
     */
    private SqlQuery candidates(String user, Set<String> practices, LocalDate day, boolean withMyLeases,
                                UUID[] exclude, Keyset.Position after, int limit) {
        String[] practiceIds = practices.toArray(String[]::new);
        SqlQuery q = new SqlQuery().add("select " + ITEM_COLUMNS + " from ((select t.* from followup_task t"
                + " where t.status = 'OPEN' and t.assignee = ? and t.practice_id = any(?) and t.due_on <= ?",
                user, practiceIds, day);
        filters(q, user, withMyLeases, exclude, after);
        q.add(" order by t." + ORDER.replace(", ", ", t.") + " limit ?) union all (select t.* from unnest(?) as pr(id)"
                + " cross join lateral (select t.* from followup_task t where t.status = 'OPEN' and t.assignee is null"
                + " and t.practice_id = pr.id and t.due_on <= ?", limit, practiceIds, day);
        filters(q, user, withMyLeases, exclude, after);
        return q.add(" order by t." + ORDER.replace(", ", ", t.") + " limit ?) t)) t"
                + " left join claim_snapshot s on s.claim_id = t.claim_id left join payer_info p on p.payer_id = s.payer_id"
                + " order by t." + ORDER.replace(", ", ", t.") + " limit ?", limit, limit);
    }

    private static void filters(SqlQuery q, String user, boolean withMyLeases, UUID[] exclude, Keyset.Position after) {
        if (withMyLeases) {
            q.add(" and (t.lease_until is null or t.lease_until < now() or t.leased_by = ?)", user);
        } else {
            q.add(" and (t.lease_until is null or t.lease_until < now())");
        }
        if (exclude != null && exclude.length > 0) {
            q.add(" and not (t.task_id = any(?))", (Object) exclude);
        }
        keyset(q, after);
    }

    /** Rows after a cursor's position in worklist order. */
    private static void keyset(SqlQuery q, Keyset.Position after) {
        if (after != null) {
            int priority = after.integer(0);
            LocalDate dueOn = after.date(1);
            q.add(KEYSET, priority, priority, dueOn, dueOn, after.uuid(2));
        }
    }

    /** Open tasks due on or before {@code dueBefore} (default today), filtered for a supervisor; one read-only statement. */
    public Page<WorklistItem> search(String assignee, String practiceId, String payerId, String type, String dueBefore,
                                     Integer limit, String cursor) {
        Keyset.Request page = SEARCH.request(limit, cursor, assignee, practiceId, payerId, type, dueBefore);
        Set<String> practices = tenancy.practices();
        if (practiceId != null && !practiceId.isBlank()) {
            tenancy.requireVisible(practiceId, "practice", practiceId);
            practices = Set.of(practiceId);
        }
        if (practices.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        TaskType taskType = type == null || type.isBlank() ? null : Params.enumValue("type", type, TaskType.class);
        LocalDate due = dueBefore == null || dueBefore.isBlank() ? latestDate(practices)
                : Params.date("dueBefore", dueBefore);
        SqlQuery q = new SqlQuery().add("select " + ITEM_COLUMNS + " from followup_task t"
                + " left join claim_snapshot s on s.claim_id = t.claim_id left join payer_info p on p.payer_id = s.payer_id"
                + " where t.status = 'OPEN' and t.practice_id = any(?) and t.due_on <= ?", practices.toArray(String[]::new), due);
        if (assignee != null && !assignee.isBlank()) {
            q.add(" and t.assignee = ?", assignee);
        }
        if (payerId != null && !payerId.isBlank()) {
            q.add(" and s.payer_id = ?", payerId);
        }
        if (taskType != null) {
            q.add(" and t.type = ?", taskType.name());
        }
        keyset(q, page.after());
        q.add(" order by t." + ORDER.replace(", ", ", t.") + " limit ?", page.fetch());
        try (Connection c = dataSource.getConnection()) {
            return page(page, q.run(c));
        } catch (SQLException e) {
            throw new IllegalStateException("worklist query failed", e);
        }
    }

    /**
     * Leases the highest-priority free task to the caller. The caller's earlier lease is given up
     * (pressing "next" means moving on) and that task is skipped this time. {@code FOR UPDATE SKIP
     * LOCKED} makes concurrent callers pass over a row another transaction is taking, so no two
     * callers ever get the same task; a lease past its time counts as free.
     */
    @Transactional
    public Optional<NextCall> next() {
        Set<String> practices = tenancy.practices();
        if (practices.isEmpty()) {
            return Optional.empty();
        }
        String user = tenancy.user();
        try (Connection c = dataSource.getConnection()) {
            List<UUID> released = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    update followup_task set leased_by = null, lease_until = null, version = version + 1
                    where leased_by = ? and status = 'OPEN' returning task_id""")) {
                s.setString(1, user);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        released.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            UUID taskId = lockNext(c, user, practices, released.toArray(UUID[]::new));
            if (taskId == null) {
                return Optional.empty();
            }
            WorklistItem item;
            try (PreparedStatement s = c.prepareStatement(LEASE)) {
                s.setString(1, user);
                s.setInt(2, config.leaseMinutes());
                s.setObject(3, taskId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    item = item(rs);
                }
            }
            ClaimSnapshot claim = ClaimSnapshot.findById(item.claimId());
            return Optional.of(new NextCall(item, item.leaseUntil(), claim != null ? prep.packet(claim) : null));
        } catch (SQLException e) {
            throw new IllegalStateException("worklist lease failed", e);
        }
    }

    /**
     * Picks candidates with the fast ordered walk, then locks the first one still free. Rows that
     * another transaction is leasing are skipped, and the WHERE clause is re-checked on the locked
     * row, so a task leased meanwhile is never handed out twice. When every candidate was taken,
     * a wider candidate window is tried.
     */
    private UUID lockNext(Connection c, String user, Set<String> practices, UUID[] released) throws SQLException {
        LocalDate day = latestDate(practices);
        for (int window = 16; ; window *= 4) {
            List<UUID> ids = new ArrayList<>();
            for (WorklistItem item : candidates(user, practices, day, false, released, null, window).run(c)) {
                ids.add(item.taskId());
            }
            if (ids.isEmpty()) {
                return null;
            }
            try (PreparedStatement s = c.prepareStatement("""
                    select t.task_id from followup_task t
                    where t.task_id = any(?) and t.status = 'OPEN' and t.due_on <= ?
                      and (t.assignee = ? or t.assignee is null)
                      and (t.lease_until is null or t.lease_until < now())
                    order by t.priority desc, t.due_on, t.task_id
                    limit 1 for update skip locked""")) {
                s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
                s.setObject(2, day);
                s.setString(3, user);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        return rs.getObject(1, UUID.class);
                    }
                }
            }
            if (ids.size() < window) {
                return null;
            }
        }
    }

    /** SQL text with its parameters in order; String[] and UUID[] values become PostgreSQL arrays. */
    private final class SqlQuery {
        private final StringBuilder sql = new StringBuilder();
        private final List<Object> params = new ArrayList<>();

        SqlQuery add(String text, Object... values) {
            sql.append(text);
            params.addAll(java.util.Arrays.asList(values));
            return this;
        }

        List<WorklistItem> run(Connection c) throws SQLException {
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    Object value = params.get(i);
                    if (value instanceof String[] strings) {
                        s.setArray(i + 1, c.createArrayOf("varchar", strings));
                    } else if (value instanceof UUID[] uuids) {
                        s.setArray(i + 1, c.createArrayOf("uuid", uuids));
                    } else {
                        s.setObject(i + 1, value);
                    }
                }
                List<WorklistItem> items = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        items.add(item(rs));
                    }
                }
                return items;
            }
        }
    }

    private static Page<WorklistItem> page(Keyset.Request page, List<WorklistItem> items) {
        return page.page(items, i -> List.of(i.priority(), i.dueOn(), i.taskId()), i -> i);
    }

    private WorklistItem item(ResultSet rs) throws SQLException {
        LocalDate basis = AgingCalculator.basisDate(aging.basis(), rs.getObject("submitted_on", LocalDate.class),
                rs.getObject("service_date_from", LocalDate.class));
        int agingDays = (int) AgingCalculator.agingDays(basis, clock.today(rs.getString("practice_id")));
        Timestamp leaseUntil = rs.getTimestamp("lease_until");
        return new WorklistItem(rs.getObject("task_id", UUID.class), rs.getString("practice_id"),
                rs.getObject("claim_id", UUID.class), rs.getString("external_claim_id"),
                TaskType.valueOf(rs.getString("type")), rs.getObject("due_on", LocalDate.class), rs.getString("assignee"),
                rs.getInt("priority"), rs.getString("reason"), FollowupTask.becauseList(rs.getString("because")),
                rs.getBigDecimal("balance"), agingDays, AgingBucket.of(agingDays).label(), rs.getString("payer_id"),
                rs.getString("name"), rs.getString("leased_by"), leaseUntil != null ? leaseUntil.toInstant() : null);
    }

    /**
     * "Today" for a walk over several practices: the most advanced of their dates, so a task due
     * today anywhere is shown; a practice behind it may show tomorrow's tasks a few hours early.
     */
    private LocalDate latestDate(Set<String> practices) {
        return practices.stream().map(clock::today).max(LocalDate::compareTo).orElseGet(clock::today);
    }
}
