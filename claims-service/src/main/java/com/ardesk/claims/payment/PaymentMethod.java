package com.ardesk.claims.payment;

/** How the payer paid: check, EFT (ACH) or virtual card. */
public enum PaymentMethod {
    CHECK, EFT, VCARD
}
