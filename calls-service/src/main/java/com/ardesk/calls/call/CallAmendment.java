package com.ardesk.calls.call;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.util.UUID;

/** One correction of a call: who, when, why, and each field's value before and after (JSON). */
@Entity
@Table(name = "call_amendment")
public class CallAmendment extends PanacheEntityBase {
    @Id
    @Column(name = "amendment_id")
    public UUID amendmentId;
    @Column(name = "call_id")
    public UUID callId;
    @Column(name = "amended_by")
    public String amendedBy;
    @Column(name = "amended_at")
    public Instant amendedAt;
    public String reason;
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String changes;
}
