package com.ardesk.calls.promise;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A promise to pay made on a call, and how it ended. */
@Entity
@Table(name = "promise")
public class Promise extends PanacheEntityBase {
    @Id
    @Column(name = "promise_id")
    public UUID promiseId;
    /** The call the promise was made on; null for an installment of a payment plan. */
    @Column(name = "call_id")
    public UUID callId;
    /** The payment plan this promise is an installment of; null for a payer's promise on a call. */
    @Column(name = "plan_id")
    public UUID planId;
    @Column(name = "installment_no")
    public Integer installmentNo;
    @Column(name = "practice_id")
    public String practiceId;
    @Column(name = "claim_id")
    public UUID claimId;
    @Column(name = "payer_id")
    public String payerId;
    public BigDecimal amount;
    @Column(name = "expected_on")
    public LocalDate expectedOn;
    @Enumerated(EnumType.STRING)
    public PaymentMethod method;
    public String reference;
    /** Business days of grace, fixed when the promise was made from the payer's terms then. */
    @Column(name = "grace_days")
    public int graceDays;
    /** The last day a payment can still keep the promise. */
    @Column(name = "broken_after")
    public LocalDate brokenAfter;
    @Enumerated(EnumType.STRING)
    public PromiseStatus status;
    @Column(name = "payment_id")
    public UUID paymentId;
    @Column(name = "paid_amount")
    public BigDecimal paidAmount;
    @Column(name = "settled_on")
    public LocalDate settledOn;
    @Column(name = "cancel_reason")
    public String cancelReason;
    @Column(name = "cancelled_by")
    public String cancelledBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
