package com.ardesk.claims.denial;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A payer's denial of (part of) a claim. */
@Entity
@Table(name = "denial")
public class Denial extends PanacheEntityBase {
    @Id
    @Column(name = "denial_id")
    public UUID denialId;
    @Column(name = "claim_id")
    public UUID claimId;
    @Column(name = "group_code")
    public String groupCode;
    @Column(name = "reason_code")
    public String reasonCode;
    @Column(name = "remark_codes")
    public String remarkCodes;
    @Enumerated(EnumType.STRING)
    public DenialCategory category;
    public BigDecimal amount;
    @Column(name = "denied_on")
    public LocalDate deniedOn;
    @Column(name = "appeal_deadline")
    public LocalDate appealDeadline;
    public String source;
    @Column(name = "created_at")
    public Instant createdAt;
}
