package com.ardesk.followup.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The latest known state of a claim, projected from {@code ClaimChanged} and patched by smaller events. */
@Entity
@Table(name = "claim_snapshot")
public class ClaimSnapshot extends PanacheEntityBase {
    @Id
    @Column(name = "claim_id")
    public UUID claimId;
    @Column(name = "practice_id")
    public String practiceId;
    @Column(name = "external_claim_id")
    public String externalClaimId;
    @Column(name = "payer_id")
    public String payerId;
    public String status;
    @Column(name = "billed_amount")
    public BigDecimal billedAmount;
    @Column(name = "paid_amount")
    public BigDecimal paidAmount;
    @Column(name = "adjustment_amount")
    public BigDecimal adjustmentAmount;
    @Column(name = "patient_responsibility")
    public BigDecimal patientResponsibility;
    public BigDecimal balance;
    @Column(name = "service_date_from")
    public LocalDate serviceDateFrom;
    @Column(name = "service_date_to")
    public LocalDate serviceDateTo;
    @Column(name = "submitted_on")
    public LocalDate submittedOn;
    @Column(name = "timely_filing_deadline")
    public LocalDate timelyFilingDeadline;
    @Column(name = "appeal_deadline")
    public LocalDate appealDeadline;
    @Column(name = "denial_category")
    public String denialCategory;
    /** The claim's version in claims-service; an older snapshot arriving late is ignored. */
    @Column(name = "snapshot_version")
    public long snapshotVersion;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
