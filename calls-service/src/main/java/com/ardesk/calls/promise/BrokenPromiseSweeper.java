package com.ardesk.calls.promise;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the broken-promise sweep on every replica at a fixed interval; the advisory lock inside
 * {@link PromiseService#sweep} makes sure only one of them works at a time, and a full batch is
 * followed at once by the next so a backlog drains without waiting for the interval.
 */
@ApplicationScoped
public class BrokenPromiseSweeper {
    private final PromiseService promises;
    private final PromiseConfig config;
    private ScheduledExecutorService executor;

    public BrokenPromiseSweeper(PromiseService promises, PromiseConfig config) {
        this.promises = promises;
        this.config = config;
    }

    void start(@Observes StartupEvent ignored) {
        if (!config.sweepEnabled()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "promise-sweep");
            t.setDaemon(true);
            return t;
        });
        long every = config.sweepInterval().toMillis();
        executor.scheduleWithFixedDelay(this::round, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void round() {
        try {
            while (promises.sweep() >= PromiseService.SWEEP_BATCH) {
                Log.debug("promise sweep continues with the next batch");
            }
        } catch (RuntimeException e) {
            // a failed round is retried by the next one; the promises stay OPEN meanwhile
            Log.warnf("promise sweep failed: %s", e.getMessage());
        }
    }
}
