package com.ardesk.followup.task;

import com.ardesk.followup.rules.TaskType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A follow-up task on a claim. */
@Entity
@Table(name = "followup_task")
public class FollowupTask extends PanacheEntityBase {
    /** Separates the reasons stored in {@link #because}; reasons are single-line sentences. */
    static final String REASON_SEPARATOR = "\n";

    @Id
    @Column(name = "task_id")
    public UUID taskId;
    @Column(name = "practice_id")
    public String practiceId;
    @Column(name = "claim_id")
    public UUID claimId;
    @Enumerated(EnumType.STRING)
    public TaskType type;
    @Enumerated(EnumType.STRING)
    public TaskStatus status;
    @Column(name = "due_on")
    public LocalDate dueOn;
    @Column(name = "snoozed_until")
    public LocalDate snoozedUntil;
    public String assignee;
    public int priority;
    public String because;
    public String reason;
    @Column(name = "rule_key")
    public String ruleKey;
    @Column(name = "leased_by")
    public String leasedBy;
    @Column(name = "lease_until")
    public Instant leaseUntil;
    @Column(name = "close_reason")
    public String closeReason;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Version
    public long version;

    public List<String> becauseList() {
        return becauseList(because);
    }

    public static List<String> becauseList(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : Arrays.asList(stored.split(REASON_SEPARATOR));
    }

    public static String joinBecause(List<String> reasons) {
        return String.join(REASON_SEPARATOR, reasons);
    }
}
