package com.ardesk.claims.writeoff;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A balance a supervisor decided to stop chasing. */
@Entity
@Table(name = "write_off")
public class WriteOff extends PanacheEntityBase {
    @Id
    @Column(name = "write_off_id")
    public UUID writeOffId;
    @Column(name = "claim_id")
    public UUID claimId;
    public BigDecimal amount;
    public String reason;
    @Column(name = "written_by")
    public String writtenBy;
    @Column(name = "written_on")
    public LocalDate writtenOn;
    @Column(name = "created_at")
    public Instant createdAt;
}
