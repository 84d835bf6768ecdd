package com.ardesk.calls.claim;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.LocalDate;

/** One version of a practice's promise grace days with a payer, from {@code PayerTermsChanged}. */
@Entity
@Table(name = "practice_payer_terms")
public class PracticePayerTerms extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @Column(name = "promise_grace_days")
    public int promiseGraceDays;

    @Embeddable
    public record Key(@Column(name = "practice_id") String practiceId, @Column(name = "payer_id") String payerId,
                      @Column(name = "effective_from") LocalDate effectiveFrom) implements Serializable {
    }
}
