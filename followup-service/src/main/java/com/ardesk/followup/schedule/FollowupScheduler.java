package com.ardesk.followup.schedule;

import com.ardesk.followup.infra.SchedulerConfig;
import com.ardesk.kit.job.ScheduledJob;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Ticks {@link SchedulerJobs} as a service-kit {@link ScheduledJob} at a fixed interval on every
 * replica; the jobs' advisory lock picks the one that acts. A failed tick (database restarting, say)
 * does not end the schedule: the next one retries.
 */
@ApplicationScoped
public class FollowupScheduler implements ScheduledJob {
    private final SchedulerJobs jobs;
    private final SchedulerConfig config;

    public FollowupScheduler(SchedulerJobs jobs, SchedulerConfig config) {
        this.jobs = jobs;
        this.config = config;
    }

    @Override
    public String name() {
        return "followup-scheduler";
    }

    @Override
    public boolean enabled() {
        return config.enabled();
    }

    @Override
    public Duration initialDelay() {
        return config.interval();
    }

    @Override
    public Duration run(BooleanSupplier stopping) {
        jobs.run();
        return config.interval();
    }

    @Override
    public Duration retryAfter() {
        return config.interval();
    }
}
