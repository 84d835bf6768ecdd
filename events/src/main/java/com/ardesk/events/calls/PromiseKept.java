package com.ardesk.events.calls;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A posted payment covered an open promise. */
public record PromiseKept(UUID promiseId, UUID claimId, UUID paymentId, BigDecimal amount, LocalDate keptOn) {
}
