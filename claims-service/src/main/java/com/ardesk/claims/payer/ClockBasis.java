package com.ardesk.claims.payer;

/** The date a payer's timely-filing clock starts from. */
public enum ClockBasis {
    /** Date of service (Medicare: 12 months from it). */
    SERVICE_DATE,
    /** The date the claim was first billed to this payer. */
    FIRST_BILLED_DATE
}
