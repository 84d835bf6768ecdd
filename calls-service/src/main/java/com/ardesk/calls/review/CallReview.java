package com.ardesk.calls.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.util.UUID;

/** A supervisor's score of one call, with the checklist they used (JSON) and feedback for the caller. */
@Entity
@Table(name = "call_review")
public class CallReview extends PanacheEntityBase {
    @Id
    @Column(name = "review_id")
    public UUID reviewId;
    @Column(name = "call_id")
    public UUID callId;
    @Column(name = "reviewer_id")
    public String reviewerId;
    public int score;
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String checklist;
    public String feedback;
    @Column(name = "reviewed_at")
    public Instant reviewedAt;
}
