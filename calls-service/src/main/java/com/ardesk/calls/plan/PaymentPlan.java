package com.ardesk.calls.plan;

import com.ardesk.calls.promise.PaymentMethod;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A payment plan agreed with a patient; its installments are promise rows carrying its id. */
@Entity
@Table(name = "payment_plan")
public class PaymentPlan extends PanacheEntityBase {
    @Id
    @Column(name = "plan_id")
    public UUID planId;
    @Column(name = "practice_id")
    public String practiceId;
    @Column(name = "call_id")
    public UUID callId;
    @ElementCollection
    @CollectionTable(name = "payment_plan_claim", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderColumn(name = "position")
    @Column(name = "claim_id")
    @BatchSize(size = 100)
    public List<UUID> claimIds = new ArrayList<>();
    @Column(name = "patient_account")
    public String patientAccount;
    @Column(name = "patient_name")
    public String patientName;
    public BigDecimal total;
    @Enumerated(EnumType.STRING)
    public PaymentMethod method;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public long version;
}
