package com.ardesk.events.calls;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** No covering payment arrived by the promised date plus the payer's grace days. */
public record PromiseBroken(UUID promiseId, UUID claimId, BigDecimal amount, LocalDate expectedOn,
                            LocalDate brokenOn) {
}
