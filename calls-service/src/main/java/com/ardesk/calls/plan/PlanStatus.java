package com.ardesk.calls.plan;

/** A plan's status, derived from its installments (see {@link PlanRules#status}). */
public enum PlanStatus {
    /** Installments are still due and none was missed. */
    ACTIVE,
    /** Every installment was paid. */
    COMPLETED,
    /** An installment was missed (its promise broke). */
    BROKEN,
    /** The remaining installments were cancelled. */
    CANCELLED
}
