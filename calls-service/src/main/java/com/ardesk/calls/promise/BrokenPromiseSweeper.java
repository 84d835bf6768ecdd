package com.ardesk.calls.promise;

import com.ardesk.kit.job.ScheduledJob;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The broken-promise sweep as a service-kit {@link ScheduledJob}: a round on every replica each
 * {@code sweep-interval}; the advisory lock inside {@link PromiseService#sweep} lets one of them work
 * at a time, and a full batch is followed at once by the next so a backlog drains without waiting.
 */
@ApplicationScoped
public class BrokenPromiseSweeper implements ScheduledJob {
    private final PromiseService promises;
    private final PromiseConfig config;

    public BrokenPromiseSweeper(PromiseService promises, PromiseConfig config) {
        this.promises = promises;
        this.config = config;
    }

    @Override
    public String name() {
        return "promise-sweep";
    }

    @Override
    public boolean enabled() {
        return config.sweepEnabled();
    }

    @Override
    public Duration initialDelay() {
        return config.sweepInterval();
    }

    @Override
    public Duration run(BooleanSupplier stopping) {
        return promises.sweep() >= PromiseService.SWEEP_BATCH ? Duration.ZERO : config.sweepInterval();
    }

    /** A failed round is retried by the next one; the promises stay OPEN meanwhile. */
    @Override
    public Duration retryAfter() {
        return config.sweepInterval();
    }
}
