package com.ardesk.claims.payment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.UUID;

/** One CAS adjustment (group + CARC + amount) that came with a payment. */
@Entity
@Table(name = "payment_adjustment")
public class PaymentAdjustment extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "payment_id")
    public UUID paymentId;
    @Column(name = "group_code")
    public String groupCode;
    @Column(name = "reason_code")
    public String reasonCode;
    public BigDecimal amount;
}
