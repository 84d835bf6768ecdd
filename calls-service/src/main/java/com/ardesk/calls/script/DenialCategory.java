package com.ardesk.calls.script;

/** The denial categories claims-service derives from CARCs (docs/domain.md "Denials"). */
public enum DenialCategory {
    ELIGIBILITY,
    AUTHORIZATION,
    CODING,
    MISSING_INFO,
    TIMELY_FILING,
    DUPLICATE,
    MEDICAL_NECESSITY,
    COORDINATION_OF_BENEFITS,
    NON_COVERED,
    OTHER
}
