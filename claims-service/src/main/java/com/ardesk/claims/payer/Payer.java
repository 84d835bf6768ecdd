package com.ardesk.claims.payer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** A payer (insurance company) as AR callers know it: name and the phone they call. */
@Entity
@Table(name = "payer")
public class Payer extends PanacheEntityBase {
    @Id
    @Column(name = "payer_id")
    public String payerId;
    public String name;
    public String phone;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
