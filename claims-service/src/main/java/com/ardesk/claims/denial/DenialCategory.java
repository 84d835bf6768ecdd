package com.ardesk.claims.denial;

/** What kind of work a denial asks for; see docs/domain.md "Denials". */
public enum DenialCategory {
    ELIGIBILITY, AUTHORIZATION, CODING, MISSING_INFO, TIMELY_FILING, DUPLICATE, MEDICAL_NECESSITY,
    COORDINATION_OF_BENEFITS, NON_COVERED, OTHER
}
