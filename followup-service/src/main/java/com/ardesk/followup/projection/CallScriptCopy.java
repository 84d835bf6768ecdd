package com.ardesk.followup.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A call script as calls-service last announced it; steps and objections as the JSON it sent. */
@Entity
@Table(name = "call_script")
public class CallScriptCopy extends PanacheEntityBase {
    @Id
    @Column(name = "script_id")
    public UUID scriptId;
    /** The owning practice; null for a billing-company default. */
    @Column(name = "practice_id")
    public String practiceId;
    public String name;
    @Column(name = "denial_category")
    public String denialCategory;
    @Column(name = "claim_status")
    public String claimStatus;
    @Column(name = "payer_id")
    public String payerId;
    public String outcome;
    public String opening;
    public String objective;
    public String steps;
    public String objections;
}
