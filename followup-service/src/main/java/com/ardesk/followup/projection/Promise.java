package com.ardesk.followup.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A promise to pay as calls-service reports it: OPEN, then KEPT or BROKEN (settledOn). */
@Entity
@Table(name = "promise")
public class Promise extends PanacheEntityBase {
    @Id
    @Column(name = "promise_id")
    public UUID promiseId;
    @Column(name = "claim_id")
    public UUID claimId;
    @Column(name = "practice_id")
    public String practiceId;
    @Column(name = "call_id")
    public UUID callId;
    @Column(name = "payer_id")
    public String payerId;
    public BigDecimal amount;
    @Column(name = "expected_on")
    public LocalDate expectedOn;
    public String method;
    public String reference;
    public String status;
    @Column(name = "settled_on")
    public LocalDate settledOn;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
