package com.ardesk.followup.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A denial on a claim, from {@code ClaimDenied}. */
@Entity
@Table(name = "denial")
public class Denial extends PanacheEntityBase {
    @Id
    @Column(name = "denial_id")
    public UUID denialId;
    @Column(name = "claim_id")
    public UUID claimId;
    @Column(name = "practice_id")
    public String practiceId;
    @Column(name = "group_code")
    public String groupCode;
    @Column(name = "reason_code")
    public String reasonCode;
    /** RARCs, comma-separated: only ever shown, never queried. */
    @Column(name = "remark_codes")
    public String remarkCodes;
    public String category;
    public BigDecimal amount;
    @Column(name = "denied_on")
    public LocalDate deniedOn;
    @Column(name = "appeal_deadline")
    public LocalDate appealDeadline;
}
