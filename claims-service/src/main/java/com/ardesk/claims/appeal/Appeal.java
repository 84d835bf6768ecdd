package com.ardesk.claims.appeal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An appeal of a denial filed with the payer. */
@Entity
@Table(name = "appeal")
public class Appeal extends PanacheEntityBase {
    @Id
    @Column(name = "appeal_id")
    public UUID appealId;
    @Column(name = "claim_id")
    public UUID claimId;
    public int level;
    @Column(name = "filed_on")
    public LocalDate filedOn;
    public LocalDate deadline;
    public String notes;
    @Column(name = "filed_by")
    public String filedBy;
    @Column(name = "created_at")
    public Instant createdAt;
}
