package com.ardesk.claims.claim;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A claim and its running money totals; the totals change only through {@link ClaimMoney}. */
@Entity
@Table(name = "claim")
public class Claim extends PanacheEntityBase {
    @Id
    @Column(name = "claim_id")
    public UUID claimId;
    @Column(name = "practice_id")
    public String practiceId;
    @Column(name = "external_claim_id")
    public String externalClaimId;
    @Column(name = "payer_id")
    public String payerId;
    @Column(name = "provider_npi")
    public String providerNpi;
    @Column(name = "patient_account_number")
    public String patientAccountNumber;
    @Column(name = "patient_first_name")
    public String patientFirstName;
    @Column(name = "patient_last_name")
    public String patientLastName;
    @Column(name = "patient_date_of_birth")
    public LocalDate patientDateOfBirth;
    @Column(name = "service_date_from")
    public LocalDate serviceDateFrom;
    @Column(name = "service_date_to")
    public LocalDate serviceDateTo;
    @Column(name = "submitted_on")
    public LocalDate submittedOn;
    @Enumerated(EnumType.STRING)
    public ClaimStatus status;
    @Column(name = "billed_amount")
    public BigDecimal billedAmount;
    @Column(name = "paid_amount")
    public BigDecimal paidAmount;
    @Column(name = "adjustment_amount")
    public BigDecimal adjustmentAmount;
    @Column(name = "patient_responsibility")
    public BigDecimal patientResponsibility;
    @Column(name = "written_off_amount")
    public BigDecimal writtenOffAmount;
    public BigDecimal balance;
    @Column(name = "payer_claim_control_number")
    public String payerClaimControlNumber;
    @Column(name = "content_hash")
    public String contentHash;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    @OneToMany(mappedBy = "claim", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("lineNumber")
    public List<ClaimLine> lines = new ArrayList<>();

    /** A timestamp for created_at/updated_at: PostgreSQL keeps microseconds; so do we, or keyset cursors would miss rows. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
