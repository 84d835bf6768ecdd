package com.ardesk.followup.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One line of a claim's communication history: a claim event, a call, a promise or a task change. */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "claim_id")
    public UUID claimId;
    @Column(name = "practice_id")
    public String practiceId;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    public String kind;
    public String summary;
    /** The id of what the entry is about (call, promise, denial, task), for links. */
    @Column(name = "ref_id")
    public String refId;

    public static void record(UUID claimId, String practiceId, Instant at, String kind, String summary, Object refId) {
        TimelineEntry entry = new TimelineEntry();
        entry.claimId = claimId;
        entry.practiceId = practiceId;
        entry.occurredAt = at;
        entry.kind = kind;
        entry.summary = summary.length() > 1000 ? summary.substring(0, 1000) : summary;
        entry.refId = refId == null ? null : refId.toString();
        entry.persist();
    }
}
