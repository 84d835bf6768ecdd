package com.ardesk.followup.task;

import com.ardesk.followup.infra.ClaimLocks;
import com.ardesk.followup.infra.PriorityConfig;
import com.ardesk.followup.projection.ClaimSnapshot;
import com.ardesk.followup.projection.Denial;
import com.ardesk.followup.projection.Promise;
import com.ardesk.followup.projection.TimelineEntry;
import com.ardesk.followup.rules.FollowUpRules;
import com.ardesk.followup.rules.PriorityInput;
import com.ardesk.followup.rules.PriorityScore;
import com.ardesk.followup.rules.TaskAction;
import com.ardesk.followup.rules.TaskType;
import com.ardesk.kit.aging.AgingCalculator;
import com.ardesk.kit.aging.AgingConfig;
import com.ardesk.kit.time.PracticeClock;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Carries out rule decisions on a claim's tasks and keeps their priority current. Every method runs
 * inside the caller's transaction, after {@link ClaimLocks#lock} for the claim.
 */
@ApplicationScoped
public class TaskEngine {
    static final List<TaskStatus> OPEN_STATES = List.of(TaskStatus.OPEN, TaskStatus.SNOOZED);

    private final ClaimLocks locks;
    private final PriorityScore priorityScore;
    private final PracticeClock clock;
    private final AgingConfig aging;

    public TaskEngine(ClaimLocks locks, PriorityConfig priority, PracticeClock clock, AgingConfig aging) {
        this.locks = locks;
        this.priorityScore = new PriorityScore(priority.weights());
        this.clock = clock;
        this.aging = aging;
    }

    /** Applies the actions to the claim's tasks, then re-scores its open tasks. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(UUID claimId, String practiceId, List<TaskAction> actions, String actor, Instant at) {
        locks.lock(claimId);
        for (TaskAction action : actions) {
            if (action instanceof TaskAction.Open open) {
                open(claimId, practiceId, open, actor, at);
            } else if (action instanceof TaskAction.Close close) {
                openTasks(claimId).stream().filter(t -> close.types().contains(t.type))
                        .forEach(t -> finish(t, TaskStatus.DONE, close.reason(), at));
            } else if (action instanceof TaskAction.Reschedule reschedule) {
                LocalDate day = clock.today(practiceId);
                openTasks(claimId).stream().filter(t -> t.type == reschedule.type())
                        .forEach(t -> reschedule(t, reschedule, day, at));
            } else if (action instanceof TaskAction.CancelAll cancel) {
                openTasks(claimId).forEach(t -> finish(t, TaskStatus.CANCELLED, cancel.reason(), at));
            }
        }
        reprioritize(claimId);
    }

    /** Opens a task for a rule; answers the task that now stands for it, or empty if the rule already fired. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<FollowupTask> open(UUID claimId, String practiceId, TaskAction.Open open, String actor, Instant at) {
        if (open.ruleKey() != null && FollowupTask.count("claimId = ?1 and ruleKey = ?2", claimId, open.ruleKey()) > 0) {
            return Optional.empty();
        }
        Optional<FollowupTask> existing = openTask(claimId, open.type());
        if (existing.isPresent()) {
            FollowupTask task = existing.get();
            if (task.status == TaskStatus.OPEN && open.dueOn().isBefore(task.dueOn)) {
                task.dueOn = open.dueOn();
                task.reason = truncate(open.reason(), 500);
                task.updatedAt = at;
            }
            return existing;
        }
        FollowupTask task = new FollowupTask();
        task.taskId = UUID.randomUUID();
        task.practiceId = practiceId;
        task.claimId = claimId;
        task.type = open.type();
        task.status = TaskStatus.OPEN;
        task.dueOn = open.dueOn();
        task.reason = truncate(open.reason(), 500);
        task.ruleKey = open.ruleKey();
        task.because = "";
        task.createdBy = actor;
        task.createdAt = at;
        task.updatedAt = at;
        task.persist();
        TimelineEntry.record(claimId, practiceId, at, "TASK_OPENED", task.type + " due " + task.dueOn + ": " + task.reason,
                task.taskId);
        return Optional.of(task);
    }

    /**
     * A payer's answer moves the task to its new due date either way. A snoozed task sleeps on until
     * that date (the answer is newer than the snooze), or is open again when the date is today or past.
     */
    private void reschedule(FollowupTask task, TaskAction.Reschedule reschedule, LocalDate today, Instant at) {
        task.dueOn = reschedule.dueOn();
        task.reason = truncate(reschedule.reason(), 500);
        if (task.status == TaskStatus.SNOOZED) {
            if (reschedule.dueOn().isAfter(today)) {
                task.snoozedUntil = reschedule.dueOn();
            } else {
                task.status = TaskStatus.OPEN;
                task.snoozedUntil = null;
            }
        }
        task.updatedAt = at;
        TimelineEntry.record(task.claimId, task.practiceId, at, "TASK_RESCHEDULED", task.type + " due " + task.dueOn
                + ": " + task.reason, task.taskId);
    }

    public Optional<FollowupTask> openTask(UUID claimId, TaskType type) {
        return FollowupTask.find("claimId = ?1 and type = ?2 and status in ?3", claimId, type, OPEN_STATES)
                .firstResultOptional();
    }

    /** Which of these claims have an open (or snoozed) task, in one query. */
    public Set<UUID> claimsWithOpenTasks(Collection<UUID> claimIds) {
        return new HashSet<>(FollowupTask.getEntityManager().createQuery(
                        "select distinct t.claimId from FollowupTask t where t.claimId in ?1 and t.status in ?2", UUID.class)
                .setParameter(1, claimIds).setParameter(2, OPEN_STATES).getResultList());
    }

    public List<FollowupTask> openTasks(UUID claimId) {
        return FollowupTask.list("claimId = ?1 and status in ?2", Sort.by("dueOn").and("taskId"), claimId, OPEN_STATES);
    }

    /** Closes a task (DONE or CANCELLED) and frees its lease. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void finish(FollowupTask task, TaskStatus status, String reason, Instant at) {
        task.status = status;
        task.closeReason = truncate(reason, 500);
        task.closedAt = at;
        task.updatedAt = at;
        task.snoozedUntil = null;
        task.leasedBy = null;
        task.leaseUntil = null;
        TimelineEntry.record(task.claimId, task.practiceId, at, "TASK_" + status, task.type + ": " + reason, task.taskId);
    }

    /** Logging a call on a claim ends any lease on its tasks: the caller has made that call. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void releaseLeases(UUID claimId) {
        FollowupTask.update("leasedBy = null, leaseUntil = null where claimId = ?1 and leasedBy is not null", claimId);
    }

    /** Re-scores the claim's open tasks from what the read model knows now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reprioritize(UUID claimId) {
        List<FollowupTask> tasks = openTasks(claimId);
        if (tasks.isEmpty()) {
            return;
        }
        LocalDate day = clock.today(tasks.get(0).practiceId);
        PriorityScore.Priority priority = priorityScore.score(priorityInput(claimId), day);
        String because = FollowupTask.joinBecause(priority.because());
        for (FollowupTask task : tasks) {
            if (task.priority != priority.score() || !because.equals(task.because)) {
                task.priority = priority.score();
                task.because = because;
            }
        }
    }

    public PriorityScore.Priority score(PriorityInput input, LocalDate day) {
        return priorityScore.score(input, day);
    }

    PriorityInput priorityInput(UUID claimId) {
        ClaimSnapshot claim = ClaimSnapshot.findById(claimId);
        List<LocalDate> promised = new ArrayList<>();
        LocalDate brokenOn = null;
        for (Promise promise : Promise.<Promise>list("claimId", claimId)) {
            if ("OPEN".equals(promise.status)) {
                promised.add(promise.expectedOn);
            } else if ("BROKEN".equals(promise.status) && (brokenOn == null || promise.settledOn.isAfter(brokenOn))) {
                brokenOn = promise.settledOn;
            }
        }
        if (claim == null) {
            return input(null, null, null, null, null, promised, brokenOn, null, null);
        }
        String latestDenial = claim.denialCategory != null ? null : Denial.<Denial>find("claimId",
                Sort.by("deniedOn").descending(), claimId).firstResultOptional().map(d -> d.category).orElse(null);
        return input(claim.status, claim.balance, agingFrom(claim.submittedOn, claim.serviceDateFrom),
                claim.appealDeadline, claim.timelyFilingDeadline, promised, brokenOn, claim.denialCategory, latestDenial);
    }

    /**
     * The date a claim ages from under the configured {@code ardesk.aging.basis}, by the same rule as
     * claims-service (service-kit {@link AgingCalculator}), so the worklist shows the claim's bucket.
     */
    public LocalDate agingFrom(LocalDate submittedOn, LocalDate serviceDateFrom) {
        return AgingCalculator.basisDate(aging.basis(), submittedOn, serviceDateFrom);
    }

    /**
     * The priority facts of a claim from its read-model columns; shared with the scheduler's bulk
     * re-scoring so both rank a claim the same way. Dates bind only while the status makes them
     * matter: the appeal deadline while DENIED, timely filing while the payer has not answered.
     */
    public static PriorityInput input(String status, BigDecimal balance, LocalDate agingBasis, LocalDate appealDeadline,
                                      LocalDate timelyFilingDeadline, List<LocalDate> openPromiseDates,
                                      LocalDate brokenPromiseOn, String snapshotDenialCategory,
                                      String latestDenialCategory) {
        List<PriorityInput.Deadline> deadlines = new ArrayList<>();
        for (LocalDate promised : openPromiseDates) {
            deadlines.add(new PriorityInput.Deadline("promised payment", promised));
        }
        if (appealDeadline != null && "DENIED".equals(status)) {
            deadlines.add(new PriorityInput.Deadline("appeal deadline", appealDeadline));
        }
        if (timelyFilingDeadline != null && FollowUpRules.AWAITING_PAYER.contains(status)) {
            deadlines.add(new PriorityInput.Deadline("timely filing deadline", timelyFilingDeadline));
        }
        String category = "DENIED".equals(status) || "APPEALED".equals(status)
                ? (snapshotDenialCategory != null ? snapshotDenialCategory : latestDenialCategory) : null;
        return new PriorityInput(balance, agingBasis, deadlines, brokenPromiseOn, category);
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
