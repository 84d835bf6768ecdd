package com.ardesk.calls.claim;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A payer's promise grace days, from the latest {@code PayerChanged}. */
@Entity
@Table(name = "payer_projection")
public class PayerTerms extends PanacheEntityBase {
    @Id
    @Column(name = "payer_id")
    public String payerId;
    public String name;
    @Column(name = "promise_grace_days")
    public int promiseGraceDays;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
