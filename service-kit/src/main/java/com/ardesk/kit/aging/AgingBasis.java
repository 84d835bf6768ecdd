package com.ardesk.kit.aging;

/** Which date AR age counts from (docs/domain.md#aging). The default is the first billed date. */
public enum AgingBasis {
    /** First billed date (submittedOn), the industry default; a claim not billed yet ages from its date of service. */
    FIRST_BILLED,
    /** Date of service (serviceDateFrom). */
    SERVICE_DATE;

    /** The column this basis reads, in claims-service's claim table and followup-service's claim_snapshot alike. */
    public String column() {
        return this == FIRST_BILLED ? "submitted_on" : "service_date_from";
    }
}
