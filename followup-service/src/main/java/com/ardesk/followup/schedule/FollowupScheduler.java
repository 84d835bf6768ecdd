package com.ardesk.followup.schedule;

import com.ardesk.followup.infra.SchedulerConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Ticks {@link SchedulerJobs} at a fixed interval on every replica; the jobs' advisory lock picks
 * the one that acts. A plain executor is enough for one periodic job and needs no extra extension.
 */
@ApplicationScoped
public class FollowupScheduler {
    private final SchedulerJobs jobs;
    private final SchedulerConfig config;
    private ScheduledExecutorService executor;

    public FollowupScheduler(SchedulerJobs jobs, SchedulerConfig config) {
        this.jobs = jobs;
        this.config = config;
    }

    void start(@Observes StartupEvent ignored) {
        if (!config.enabled()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "followup-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        long millis = config.interval().toMillis();
        executor.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void tick() {
        try {
            jobs.run();
        } catch (RuntimeException e) {
            // a failed tick (database restarting, say) must not cancel the schedule: the next one retries
            Log.warnf("follow-up scheduler tick failed: %s", e.getMessage());
        }
    }
}
