package com.ardesk.claims.claim;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** One service line; modifiers and diagnosis codes are stored comma-separated (at most 4 each). */
@Entity
@Table(name = "claim_line")
public class ClaimLine extends PanacheEntityBase {
    @Id
    @Column(name = "line_id")
    public UUID lineId;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "claim_id")
    public Claim claim;
    @Column(name = "line_number")
    public int lineNumber;
    @Column(name = "procedure_code")
    public String procedureCode;
    public String modifiers;
    public int units;
    @Column(name = "charge_amount")
    public BigDecimal chargeAmount;
    @Column(name = "diagnosis_codes")
    public String diagnosisCodes;

    public static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
