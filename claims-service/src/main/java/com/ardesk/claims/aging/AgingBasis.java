package com.ardesk.claims.aging;

/** Which clock AR age counts from. The default is the first billed date (docs/domain.md "Aging"). */
public enum AgingBasis {
    /** First billed date (submittedOn), the industry default. */
    FIRST_BILLED,
    /** Date of service (serviceDateFrom). */
    SERVICE_DATE;

    /** The SQL column this basis reads; used in reports so aging is computed by the database. */
    public String column() {
        return this == FIRST_BILLED ? "submitted_on" : "service_date_from";
    }
}
