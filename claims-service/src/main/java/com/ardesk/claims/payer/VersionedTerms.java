package com.ardesk.claims.payer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The columns a version of payer terms has, whoever sets them: the payer's own rule
 * ({@link PayerRule}) and a practice's override ({@link PracticePayerTerms}) are one shape in
 * two tables, so deadlines read either through {@link #terms()}.
 */
@MappedSuperclass
public abstract class VersionedTerms extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "payer_id")
    public String payerId;
    @Column(name = "effective_from")
    public LocalDate effectiveFrom;
    @Column(name = "timely_filing_days")
    public int timelyFilingDays;
    @Enumerated(EnumType.STRING)
    @Column(name = "timely_filing_basis")
    public ClockBasis timelyFilingBasis;
    @Column(name = "appeal_window_days")
    public int appealWindowDays;
    @Column(name = "promise_grace_days")
    public int promiseGraceDays;
    @Column(name = "created_at")
    public Instant createdAt;

    RuleTerms terms() {
        return new RuleTerms(effectiveFrom, timelyFilingDays, timelyFilingBasis, appealWindowDays, promiseGraceDays);
    }
}
