package com.ardesk.calls.script;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.util.UUID;

/** A call script: when it applies, what to say, and rebuttals to the usual objections (steps/objections as JSON). */
@Entity
@Table(name = "call_script")
public class CallScript extends PanacheEntityBase {
    @Id
    @Column(name = "script_id")
    public UUID scriptId;
    /** The practice that owns it; null for a billing-company default. */
    @Column(name = "practice_id")
    public String practiceId;
    public String name;
    @Column(name = "denial_category")
    public String denialCategory;
    @Column(name = "claim_status")
    public String claimStatus;
    @Column(name = "payer_id")
    public String payerId;
    public String outcome;
    public String opening;
    public String objective;
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String steps;
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String objections;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
