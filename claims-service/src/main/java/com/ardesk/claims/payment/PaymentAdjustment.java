package com.ardesk.claims.payment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.UUID;

/** One CAS adjustment (group + CARC + amount) that came with a payment. */
@Entity
@Table(name = "payment_adjustment")
public class PaymentAdjustment extends PanacheEntityBase {
    // ids from the column's own sequence, 50 at a time (V41): an IDENTITY insert runs at persist, one
    // round trip per adjustment, where a chunk of an 835 posts a thousand of them in a few batches
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "payment_adjustment_ids")
    @SequenceGenerator(name = "payment_adjustment_ids", sequenceName = "payment_adjustment_id_seq", allocationSize = 50)
    public Long id;
    @Column(name = "payment_id")
    public UUID paymentId;
    @Column(name = "group_code")
    public String groupCode;
    @Column(name = "reason_code")
    public String reasonCode;
    public BigDecimal amount;
}
