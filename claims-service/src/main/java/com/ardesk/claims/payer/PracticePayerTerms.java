package com.ardesk.claims.payer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One version of a practice's contract terms with a payer, in force from {@code effectiveFrom}. */
@Entity
@Table(name = "practice_payer_terms")
public class PracticePayerTerms extends VersionedTerms {
    @Column(name = "practice_id")
    public String practiceId;
}
