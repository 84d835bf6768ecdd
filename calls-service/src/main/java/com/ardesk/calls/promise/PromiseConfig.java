package com.ardesk.calls.promise;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.time.Duration;

/** Promise settings ({@code ardesk.promises.*}, env {@code ARDESK_PROMISES_*}). */
@ConfigMapping(prefix = "ardesk.promises")
public interface PromiseConfig {
    /** How far below the promised amount a payment may fall and still keep the promise. */
    @WithDefault("1.00")
    BigDecimal amountTolerance();

    /** Grace business days for a promised check when the payer has none of its own. */
    @WithDefault("5")
    int checkGraceDays();

    /** Grace business days for EFT and virtual card; a payer's longer check grace never extends it. */
    @WithDefault("2")
    int eftGraceDays();

    /** How often the broken-promise sweep runs; one replica at a time does the work. */
    @WithDefault("5m")
    Duration sweepInterval();

    /** Whether this instance runs the sweep at all. */
    @WithDefault("true")
    boolean sweepEnabled();
}
