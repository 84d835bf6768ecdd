package com.ardesk.claims.payment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A payment posted to a claim (negative amount: a reversal), with its adjustment totals. */
@Entity
@Table(name = "payment")
public class Payment extends PanacheEntityBase {
    @Id
    @Column(name = "payment_id")
    public UUID paymentId;
    @Column(name = "claim_id")
    public UUID claimId;
    public BigDecimal amount;
    @Column(name = "paid_on")
    public LocalDate paidOn;
    public String method;
    public String reference;
    @Column(name = "adjustment_amount")
    public BigDecimal adjustmentAmount;
    @Column(name = "patient_amount")
    public BigDecimal patientAmount;
    public String source;
    @Column(name = "remittance_id")
    public UUID remittanceId;
    @Column(name = "created_at")
    public Instant createdAt;
}
