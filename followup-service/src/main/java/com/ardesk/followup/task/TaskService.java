package com.ardesk.followup.task;

import com.ardesk.followup.infra.ClaimLocks;
import com.ardesk.kit.web.Params;
import com.ardesk.followup.projection.ClaimSnapshot;
import com.ardesk.followup.projection.TimelineEntry;
import com.ardesk.followup.rules.TaskAction;
import com.ardesk.followup.rules.TaskType;
import com.ardesk.kit.problem.ProblemException;
import com.ardesk.kit.tenancy.Tenancy;
import com.ardesk.kit.time.PracticeClock;
import com.ardesk.kit.web.Cursors;
import com.ardesk.kit.web.Keyset;
import com.ardesk.kit.web.ETags;
import com.ardesk.kit.web.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Tasks as people work them through the API: list, create, complete, snooze, assign, cancel. */
@ApplicationScoped
public class TaskService {
    /** Due first: due on, then task id. */
    private static final Keyset PAGES = Keyset.of("tasks", 2);

    private final TaskEngine engine;
    private final ClaimLocks locks;
    private final Tenancy tenancy;
    private final PracticeClock clock;

    public TaskService(TaskEngine engine, ClaimLocks locks, Tenancy tenancy, PracticeClock clock) {
        this.engine = engine;
        this.locks = locks;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    @Transactional
    public Page<TaskView> list(String claimId, String status, String assignee, String dueBefore, Integer limit,
                               String cursor) {
        Keyset.Request page = PAGES.request(limit, cursor, claimId, status, assignee, dueBefore);
        StringBuilder query = new StringBuilder("practiceId in :practices");
        Parameters params = Parameters.with("practices", tenancy.practices());
        if (claimId != null && !claimId.isBlank()) {
            // another practice's claim answers like an unknown one: an empty page, never a 404 that
            // would tell the claim exists (the practices filter above already hides its tasks)
            UUID claim = Params.uuid("claimId", claimId);
            query.append(" and claimId = :claimId");
            params.and("claimId", claim);
        }
        if (status != null && !status.isBlank()) {
            query.append(" and status = :status");
            params.and("status", Params.enumValue("status", status, TaskStatus.class));
        }
        if (assignee != null && !assignee.isBlank()) {
            query.append(" and assignee = :assignee");
            params.and("assignee", assignee);
        }
        if (dueBefore != null && !dueBefore.isBlank()) {
            query.append(" and dueOn <= :dueBefore");
            params.and("dueBefore", Params.date("dueBefore", dueBefore));
        }
        if (page.after() != null) {
            query.append(" and (dueOn > :afterDue or (dueOn = :afterDue and taskId > :afterId))");
            params.and("afterDue", page.after().date(0)).and("afterId", page.after().uuid(1));
        }
        if (tenancy.practices().isEmpty()) {
            return new Page<>(List.of(), null);
        }
        List<FollowupTask> tasks = FollowupTask.<FollowupTask>find(query.toString(), Sort.by("dueOn").and("taskId"), params)
                .page(0, page.fetch()).list();
        return page.page(tasks, t -> List.of(t.dueOn, t.taskId), TaskView::from);
    }

    @Transactional
    public TaskView get(String taskId) {
        return TaskView.from(visibleTask(taskId));
    }

    @Transactional
    public TaskView create(TaskRequests.NewTask body) {
        String user = tenancy.user();
        ClaimSnapshot claim = ClaimSnapshot.findById(body.claimId());
        if (claim == null) {
            throw ProblemException.notFound("claim", body.claimId());
        }
        tenancy.requireVisible(claim.practiceId, "claim", body.claimId());
        if (body.assignee() != null && !body.assignee().equals(user) && !isSupervisor()) {
            throw new ProblemException(403, "forbidden", "Forbidden", "a caller may assign a task only to themselves");
        }
        LocalDate practiceToday = clock.today(claim.practiceId);
        LocalDate dueOn = body.dueOn() != null ? body.dueOn() : practiceToday;
        if (dueOn.isBefore(practiceToday)) {
            throw ProblemException.validation("dueOn", "must be today or later");
        }
        Instant now = clock.now();
        TaskType type = body.type() != null ? body.type() : TaskType.MANUAL;
        locks.lock(claim.claimId);
        engine.openTask(claim.claimId, type).ifPresent(existing -> {
            throw ProblemException.conflict("task-exists", "claim " + claim.claimId + " already has an open " + type
                    + " task: " + existing.taskId);
        });
        FollowupTask task = engine.open(claim.claimId, claim.practiceId,
                new TaskAction.Open(type, dueOn, body.reason(), null), user, now).orElseThrow();
        task.assignee = body.assignee();
        engine.reprioritize(claim.claimId);
        FollowupTask.flush();
        return TaskView.from(task);
    }

    @Transactional
    public TaskView complete(String taskId, TaskRequests.Complete body, String ifMatch) {
        FollowupTask task = workableTask(taskId, ifMatch);
        String note = body != null && body.note() != null && !body.note().isBlank() ? body.note() : "completed";
        engine.finish(task, TaskStatus.DONE, note + " (by " + tenancy.user() + ")", clock.now());
        return flushed(task);
    }

    @Transactional
    public TaskView snooze(String taskId, TaskRequests.Snooze body, String ifMatch) {
        FollowupTask task = workableTask(taskId, ifMatch);
        if (!body.until().isAfter(clock.today(task.practiceId))) {
            throw ProblemException.validation("until", "must be after today");
        }
        Instant now = clock.now();
        task.status = TaskStatus.SNOOZED;
        task.snoozedUntil = body.until();
        task.dueOn = body.until();
        task.closeReason = TaskEngine.truncate("snoozed: " + body.reason(), 500);
        task.leasedBy = null;
        task.leaseUntil = null;
        task.updatedAt = now;
        TimelineEntry.record(task.claimId, task.practiceId, now, "TASK_SNOOZED", task.type + " until " + body.until()
                + " by " + tenancy.user() + ": " + body.reason(), task.taskId);
        return flushed(task);
    }

    @Transactional
    public TaskView assign(String taskId, TaskRequests.Assign body, String ifMatch) {
        FollowupTask task = workableTask(taskId, ifMatch);
        String assignee = body != null && body.assignee() != null && !body.assignee().isBlank() ? body.assignee() : null;
        Instant now = clock.now();
        if (!Objects.equals(task.assignee, assignee)) {
            task.assignee = assignee;
            if (task.leasedBy != null && !task.leasedBy.equals(assignee)) {
                task.leasedBy = null;
                task.leaseUntil = null;
            }
            task.updatedAt = now;
            TimelineEntry.record(task.claimId, task.practiceId, now, "TASK_ASSIGNED", task.type + " assigned to "
                    + (assignee != null ? assignee : "the practice") + " by " + tenancy.user(), task.taskId);
        }
        return flushed(task);
    }

    @Transactional
    public TaskView cancel(String taskId, TaskRequests.Cancel body, String ifMatch) {
        FollowupTask task = workableTask(taskId, ifMatch);
        engine.finish(task, TaskStatus.CANCELLED, body.reason() + " (by " + tenancy.user() + ")", clock.now());
        return flushed(task);
    }

    private static TaskView flushed(FollowupTask task) {
        FollowupTask.flush(); // the version the ETag names is the one after this update
        return TaskView.from(task);
    }

    private FollowupTask visibleTask(String taskId) {
        UUID id;
        try {
            id = UUID.fromString(taskId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("task", taskId);
        }
        FollowupTask task = FollowupTask.findById(id);
        if (task == null) {
            throw ProblemException.notFound("task", taskId);
        }
        tenancy.requireVisible(task.practiceId, "task", taskId);
        return task;
    }

    /** An open task the user may change: callers only their own or unassigned ones. */
    private FollowupTask workableTask(String taskId, String ifMatch) {
        FollowupTask task = visibleTask(taskId);
        locks.lock(task.claimId);
        FollowupTask.getEntityManager().refresh(task);
        ETags.requireMatch(ifMatch, task.version);
        if (!task.status.isOpen()) {
            throw ProblemException.conflict("task-closed", "task " + taskId + " is " + task.status);
        }
        if (task.assignee != null && !task.assignee.equals(tenancy.user()) && !isSupervisor()) {
            throw new ProblemException(403, "forbidden", "Forbidden", "task " + taskId + " is assigned to another caller");
        }
        return task;
    }

    private boolean isSupervisor() {
        return tenancy.hasRole("supervisor") || tenancy.hasRole("admin");
    }
}
