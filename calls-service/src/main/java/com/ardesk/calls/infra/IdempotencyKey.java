package com.ardesk.calls.infra;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** A used Idempotency-Key: the resource its first request created and a hash of that request's body. */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyKey extends PanacheEntityBase {
    @EmbeddedId
    public Id id;
    @Column(name = "request_hash")
    public String requestHash;
    @Column(name = "resource_id")
    public String resourceId;
    @Column(name = "created_at")
    public Instant createdAt;

    /** Keys are per operation and per user, so two users cannot collide on the same key. */
    @Embeddable
    public record Id(String scope, @Column(name = "user_id") String userId, String key) implements Serializable {
    }
}
