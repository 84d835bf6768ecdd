package com.ardesk.calls.call;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A logged call in its current form; corrections are {@link CallAmendment}s, never edits in place. */
@Entity
@Table(name = "call_record")
public class CallRecord extends PanacheEntityBase {
    @Id
    @Column(name = "call_id")
    public UUID callId;
    @Column(name = "practice_id")
    public String practiceId;
    @Column(name = "payer_id")
    public String payerId;
    @ElementCollection
    @CollectionTable(name = "call_claim", joinColumns = @JoinColumn(name = "call_id"))
    @OrderColumn(name = "position")
    @Column(name = "claim_id")
    @BatchSize(size = 100)
    public List<UUID> claimIds = new ArrayList<>();
    @Column(name = "caller_id")
    public String callerId;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "duration_seconds")
    public int durationSeconds;
    @Column(name = "rep_name")
    public String repName;
    @Column(name = "reference_number")
    public String referenceNumber;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    public String notes;
    @Column(name = "callback_at")
    public Instant callbackAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public long version;
}
