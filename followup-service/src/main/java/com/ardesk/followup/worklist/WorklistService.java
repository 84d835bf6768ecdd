package com.ardesk.followup.worklist;

import com.ardesk.followup.infra.Params;
import com.ardesk.followup.infra.Today;
import com.ardesk.followup.infra.WorklistConfig;
import com.ardesk.followup.prep.PrepService;
import com.ardesk.followup.projection.ClaimSnapshot;
import com.ardesk.followup.rules.Aging;
import com.ardesk.followup.rules.TaskType;
import com.ardesk.followup.task.FollowupTask;
import com.ardesk.kit.problem.ProblemException;
import com.ardesk.kit.tenancy.Tenancy;
import com.ardesk.kit.web.Cursors;
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
import java.time.format.DateTimeParseException;
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
            t.because, s.balance, coalesce(s.submitted_on, s.service_date_from) as aging_basis, s.payer_id, p.name,
            t.leased_by, t.lease_until
            """;
    private static final String KEYSET = " and (t.priority < ? or (t.priority = ? and (t.due_on > ? or (t.due_on = ? and t.task_id > ?))))";

    private final AgroalDataSource dataSource;
    private final Tenancy tenancy;
    private final Today today;
    private final WorklistConfig config;
    private final PrepService prep;

    public WorklistService(AgroalDataSource dataSource, Tenancy tenancy, Today today, WorklistConfig config,
                           PrepService prep) {
        this.dataSource = dataSource;
        this.tenancy = tenancy;
        this.today = today;
        this.config = config;
        this.prep = prep;
    }

    /** A keyset position in worklist order. */
    record After(int priority, LocalDate dueOn, UUID taskId) {
    }

    /**
     * The user's open tasks due today or earlier plus the unassigned ones of their practices, minus
     * those another caller holds a lease on. Two index walks (mine, shared), each stopping at
     * {@code limit}, merged.
     */
    @Transactional
    public Page<WorklistItem> mine(Integer limit, String cursor) {
        int size = Cursors.limit(limit);
        After after = after(cursor);
        Set<String> practices = tenancy.practices();
        if (practices.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        String user = tenancy.user();
        LocalDate day = today.date();
        String branch = """
                (select t.* from followup_task t
                 where t.status = 'OPEN' and %s and t.practice_id = any(?) and t.due_on <= ?
                   and (t.lease_until is null or t.lease_until < now() or t.leased_by = ?)%s
                 order by t.priority desc, t.due_on, t.task_id limit ?)""";
        String keyset = after != null ? KEYSET : "";
        String sql = "select " + ITEM_COLUMNS + " from ("
                + branch.formatted("t.assignee = ?", keyset) + " union all " + branch.formatted("t.assignee is null", keyset)
                + ") t left join claim_snapshot s on s.claim_id = t.claim_id left join payer_info p on p.payer_id = s.payer_id"
                + " order by t." + ORDER.replace(", ", ", t.") + " limit ?";
        return query(sql, size, s -> {
            int i = 1;
            for (boolean mineBranch : new boolean[]{true, false}) {
                if (mineBranch) {
                    s.setString(i++, user);
                }
                s.setArray(i++, s.getConnection().createArrayOf("varchar", practices.toArray()));
                s.setObject(i++, day);
                s.setString(i++, user);
                i = bindAfter(s, i, after);
                s.setInt(i++, size + 1);
            }
            s.setInt(i, size + 1);
        });
    }

    /** Open tasks due on or before {@code dueBefore} (default today), filtered for a supervisor. */
    @Transactional
    public Page<WorklistItem> search(String assignee, String practiceId, String payerId, String type, String dueBefore,
                                     Integer limit, String cursor) {
        int size = Cursors.limit(limit);
        After after = after(cursor);
        Set<String> practices = tenancy.practices();
        if (practiceId != null && !practiceId.isBlank()) {
            tenancy.requireVisible(practiceId, "practice", practiceId);
            practices = Set.of(practiceId);
        }
        if (practices.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        TaskType taskType = type == null || type.isBlank() ? null : Params.enumValue(TaskType.class, "type", type);
        LocalDate due = dueBefore == null || dueBefore.isBlank() ? today.date() : Params.date("dueBefore", dueBefore);
        StringBuilder sql = new StringBuilder("select " + ITEM_COLUMNS + """
                 from followup_task t left join claim_snapshot s on s.claim_id = t.claim_id
                 left join payer_info p on p.payer_id = s.payer_id
                 where t.status = 'OPEN' and t.practice_id = any(?) and t.due_on <= ?""");
        if (assignee != null && !assignee.isBlank()) {
            sql.append(" and t.assignee = ?");
        }
        if (payerId != null && !payerId.isBlank()) {
            sql.append(" and s.payer_id = ?");
        }
        if (taskType != null) {
            sql.append(" and t.type = ?");
        }
        if (after != null) {
            sql.append(KEYSET);
        }
        sql.append(" order by t.").append(ORDER.replace(", ", ", t.")).append(" limit ?");
        Set<String> visible = practices;
        return query(sql.toString(), size, s -> {
            int i = 1;
            s.setArray(i++, s.getConnection().createArrayOf("varchar", visible.toArray()));
            s.setObject(i++, due);
            if (assignee != null && !assignee.isBlank()) {
                s.setString(i++, assignee);
            }
            if (payerId != null && !payerId.isBlank()) {
                s.setString(i++, payerId);
            }
            if (taskType != null) {
                s.setString(i++, taskType.name());
            }
            i = bindAfter(s, i, after);
            s.setInt(i, size + 1);
        });
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
            UUID taskId;
            try (PreparedStatement s = c.prepareStatement("""
                    select t.task_id from followup_task t
                    where t.status = 'OPEN' and t.practice_id = any(?) and t.due_on <= ?
                      and (t.assignee = ? or t.assignee is null)
                      and (t.lease_until is null or t.lease_until < now())
                      and not (t.task_id = any(?))
                    order by t.priority desc, t.due_on, t.task_id
                    limit 1 for update skip locked""")) {
                s.setArray(1, c.createArrayOf("varchar", practices.toArray()));
                s.setObject(2, today.date());
                s.setString(3, user);
                s.setArray(4, c.createArrayOf("uuid", released.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    taskId = rs.getObject(1, UUID.class);
                }
            }
            try (PreparedStatement s = c.prepareStatement("""
                    update followup_task set leased_by = ?, lease_until = now() + make_interval(mins => ?),
                        version = version + 1
                    where task_id = ?""")) {
                s.setString(1, user);
                s.setInt(2, config.leaseMinutes());
                s.setObject(3, taskId);
                s.executeUpdate();
            }
            WorklistItem item;
            try (PreparedStatement s = c.prepareStatement("select " + ITEM_COLUMNS + """
                     from followup_task t left join claim_snapshot s on s.claim_id = t.claim_id
                     left join payer_info p on p.payer_id = s.payer_id where t.task_id = ?""")) {
                s.setObject(1, taskId);
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

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private Page<WorklistItem> query(String sql, int size, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            List<WorklistItem> items = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    items.add(item(rs));
                }
            }
            String next = null;
            if (items.size() > size) {
                WorklistItem last = items.get(size - 1);
                next = Cursors.encode(String.valueOf(last.priority()), last.dueOn().toString(), last.taskId().toString());
                items = items.subList(0, size);
            }
            return new Page<>(List.copyOf(items), next);
        } catch (SQLException e) {
            throw new IllegalStateException("worklist query failed", e);
        }
    }

    private WorklistItem item(ResultSet rs) throws SQLException {
        LocalDate basis = rs.getObject("aging_basis", LocalDate.class);
        int agingDays = Aging.days(basis, today.date());
        Timestamp leaseUntil = rs.getTimestamp("lease_until");
        return new WorklistItem(rs.getObject("task_id", UUID.class), rs.getString("practice_id"),
                rs.getObject("claim_id", UUID.class), rs.getString("external_claim_id"),
                TaskType.valueOf(rs.getString("type")), rs.getObject("due_on", LocalDate.class), rs.getString("assignee"),
                rs.getInt("priority"), rs.getString("reason"), FollowupTask.becauseList(rs.getString("because")),
                rs.getBigDecimal("balance"), agingDays, Aging.bucket(agingDays), rs.getString("payer_id"),
                rs.getString("name"), rs.getString("leased_by"), leaseUntil != null ? leaseUntil.toInstant() : null);
    }

    private static int bindAfter(PreparedStatement s, int i, After after) throws SQLException {
        if (after == null) {
            return i;
        }
        s.setInt(i++, after.priority());
        s.setInt(i++, after.priority());
        s.setObject(i++, after.dueOn());
        s.setObject(i++, after.dueOn());
        s.setObject(i++, after.taskId());
        return i;
    }

    private static After after(String cursor) {
        List<String> keys = Cursors.decode(cursor, 3);
        if (keys.isEmpty()) {
            return null;
        }
        try {
            return new After(Integer.parseInt(keys.get(0)), LocalDate.parse(keys.get(1)), UUID.fromString(keys.get(2)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw ProblemException.validation("cursor", "is not a cursor this API issued");
        }
    }
}
