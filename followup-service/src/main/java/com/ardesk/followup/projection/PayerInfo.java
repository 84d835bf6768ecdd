package com.ardesk.followup.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A payer's name and phone for call preparation, from {@code PayerChanged}. */
@Entity
@Table(name = "payer_info")
public class PayerInfo extends PanacheEntityBase {
    @Id
    @Column(name = "payer_id")
    public String payerId;
    public String name;
    public String phone;
    @Column(name = "appeal_window_days")
    public Integer appealWindowDays;
    @Column(name = "promise_grace_days")
    public Integer promiseGraceDays;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
