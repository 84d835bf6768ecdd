package com.ardesk.followup.rules;

import java.time.LocalDate;
import java.util.Set;

/** What a rule decides; the task service carries it out against the claim's open tasks. */
public sealed interface TaskAction {

    /**
     * Open a task unless the claim already has an open one of that type (then the earlier due date
     * wins) or already had one for the same {@code ruleKey} (so a completed deadline task does not
     * come back when the next snapshot repeats the deadline).
     */
    record Open(TaskType type, LocalDate dueOn, String reason, String ruleKey) implements TaskAction {
    }

    /** Mark the claim's open tasks of these types done: what they waited for has happened. */
    record Close(Set<TaskType> types, String reason) implements TaskAction {
    }

    /**
     * Move the claim's open task of this type (if any) to a new due date, earlier or later: a payer's
     * answer says when the work is due now. A snoozed task sleeps until the new date, or wakes when
     * that date is today or past.
     */
    record Reschedule(TaskType type, LocalDate dueOn, String reason) implements TaskAction {
    }

    /** Cancel every open task of the claim: it no longer needs work. */
    record CancelAll(String reason) implements TaskAction {
    }
}
