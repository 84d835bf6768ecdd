package com.ardesk.kit.consumer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Event consumer settings ({@code ardesk.consumers.*}, env {@code ARDESK_CONSUMERS_*}). */
@ConfigMapping(prefix = "ardesk.consumers")
public interface ConsumersConfig {
    @WithDefault("true")
    boolean enabled();

    /**
     * This instance's stable name for static group membership ({@code group.instance.id} is
     * {@code <consumer>-<instance-id>}): a restarted process with the same name gets its partitions
     * back at once instead of after the session timeout. Default: the host name (the pod name in
     * Kubernetes) and the HTTP port, so two processes on one host never share it.
     */
    Optional<String> instanceId();

    /** Wait before the first retry of a transiently failing event; doubles per retry up to {@link #retryMax()}. */
    @WithDefault("250ms")
    Duration retryFirst();

    /** The cap: after an outage a partition waits at most this long before it applies again. */
    @WithDefault("5s")
    Duration retryMax();

    /**
     * Records per poll; each partition's share is applied in one transaction, so catching up after
     * a bulk push costs a few statements per thousand events (a transient failure retries only its
     * partition's share).
     */
    @WithDefault("1000")
    int maxPollRecords();
}
