package com.ardesk.followup.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A payment (or reversal, negative) posted to a claim, from {@code ClaimPaymentPosted}. */
@Entity
@Table(name = "payment_record")
public class PaymentRecord extends PanacheEntityBase {
    @Id
    @Column(name = "payment_id")
    public UUID paymentId;
    @Column(name = "claim_id")
    public UUID claimId;
    @Column(name = "practice_id")
    public String practiceId;
    public BigDecimal amount;
    @Column(name = "paid_on")
    public LocalDate paidOn;
    public String method;
    /** The check or EFT trace number. */
    public String reference;
}
