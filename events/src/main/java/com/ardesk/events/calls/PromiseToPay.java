package com.ardesk.events.calls;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A payer promised on a call to pay a claim by a date; {@code reference} is the check/EFT number if given. */
public record PromiseToPay(UUID promiseId, UUID callId, UUID claimId, String payerId, BigDecimal amount,
                           LocalDate expectedOn, String method, String reference) {
}
