package com.ardesk.calls.claim;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The latest {@code ClaimChanged} snapshot of a claim, as far as calls-service needs it. */
@Entity
@Table(name = "claim_projection")
public class ClaimSnapshot extends PanacheEntityBase {
    @Id
    @Column(name = "claim_id")
    public UUID claimId;
    @Column(name = "practice_id")
    public String practiceId;
    @Column(name = "external_claim_id")
    public String externalClaimId;
    @Column(name = "payer_id")
    public String payerId;
    public String status;
    public BigDecimal balance;
    @Column(name = "denial_category")
    public String denialCategory;
    /** claims-service's version of the claim; an older snapshot arriving late must not win. */
    public long version;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
