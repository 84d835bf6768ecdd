package com.ardesk.kit.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Outbox relay settings ({@code ardesk.outbox.*}, env {@code ARDESK_OUTBOX_*}). */
@ConfigMapping(prefix = "ardesk.outbox")
public interface OutboxConfig {
    /** Whether this instance runs a relay at all (replicas compete for one advisory lock anyway). */
    @WithDefault("true")
    boolean relayEnabled();

    /** Pause between rounds when the outbox is empty; bounds event latency from commit to broker. */
    @WithDefault("100ms")
    Duration pollInterval();

    /** Rows per round; a full batch is followed at once by the next. */
    @WithDefault("500")
    int batchSize();

    /** How long a round waits for the broker's acknowledgements before trying again later. */
    @WithDefault("15s")
    Duration ackTimeout();

    /** How long published rows are kept (for replay and audit) before the relay deletes them. */
    @WithDefault("P7D")
    Duration retention();

    /** How often the relay deletes rows past their retention. */
    @WithDefault("PT1H")
    Duration purgeInterval();
}
