package com.ardesk.events;

/** Topic names. A breaking change to a payload means a new {@code .v2} topic, never an edit here. */
public final class Topics {
    /** Claim, payer, denial, payment and appeal events; key = claimId (payer events: payerId). */
    public static final String CLAIMS = "ar.claims.v1";
    /** Call, promise, payment-plan and review events; key = the call's first claimId. */
    public static final String CALLS = "ar.calls.v1";

    private Topics() {
    }

    /** Where a consumer parks a message it cannot process, so the partition keeps moving. */
    public static String deadLetter(String topic, String consumer) {
        return topic + "." + consumer + ".dlt";
    }
}
