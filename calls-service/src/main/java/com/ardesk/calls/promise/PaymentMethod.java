package com.ardesk.calls.promise;

/** How the payer said it will pay; checks get a longer grace period than electronic payments. */
public enum PaymentMethod {
    CHECK,
    EFT,
    VCARD
}
