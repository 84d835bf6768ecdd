package com.ardesk.events.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A payment (or a reversal, with a negative amount) was posted to a claim. {@code reference} is the
 * check/EFT trace number that promises are matched on.
 */
public record ClaimPaymentPosted(UUID claimId, String payerId, UUID paymentId, BigDecimal amount,
                                 BigDecimal adjustmentAmount, LocalDate paidOn, String method, String reference,
                                 BigDecimal balanceAfter, String statusAfter) {
}
