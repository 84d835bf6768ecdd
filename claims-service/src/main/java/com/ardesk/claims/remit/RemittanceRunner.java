package com.ardesk.claims.remit;

import com.ardesk.kit.job.JobRunner;
import com.ardesk.kit.job.ScheduledJob;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Posts accepted 835 files in the background, one chunk per transaction, as a service-kit
 * {@link ScheduledJob} (one thread per instance). Any instance may take any remittance whose lease is
 * free or expired, so a job whose instance crashed resumes elsewhere (or here after a restart) from
 * its last committed chunk.
 */
@ApplicationScoped
public class RemittanceRunner implements ScheduledJob {
    private final RemittanceJobs jobs;
    private final RemittanceConfig config;
    private final JobRunner runner;
    /** This instance's lease owner name: distinct per process, so a restarted pod never mistakes a dead lease for its own. */
    private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

    public RemittanceRunner(RemittanceJobs jobs, RemittanceConfig config, JobRunner runner) {
        this.jobs = jobs;
        this.config = config;
        this.runner = runner;
    }

    @Override
    public String name() {
        return "remittance-runner";
    }

    @Override
    public boolean enabled() {
        return config.runnerEnabled();
    }

    /** A file was accepted here: look now instead of at the next poll. */
    public void wake() {
        runner.wake(this);
    }

    @Override
    public Duration run(BooleanSupplier stopping) {
        UUID id = jobs.lease(owner, config.lease());
        if (id == null) {
            return config.pollInterval();
        }
        post(id, stopping);
        return Duration.ZERO;
    }

    /** The database is away: look again after a poll interval. */
    @Override
    public Duration retryAfter() {
        return config.pollInterval();
    }

    private void post(UUID id, BooleanSupplier stopping) {
        Log.infof("posting remittance %s in the background", id);
        try {
            // a chunk in flight at shutdown commits or rolls back; either way the next owner resumes after it
            while (!stopping.getAsBoolean() && jobs.chunk(id, owner, config.chunkSize(), config.lease())) {
                // each chunk committed; the next one renews the lease
            }
        } catch (RuntimeException e) {
            Log.errorf(e, "a chunk of remittance %s failed; it is tried again after %s", id, config.retryAfter());
            try {
                jobs.failed(id, owner, e.toString(), config.maxAttempts(), config.retryAfter());
            } catch (RuntimeException again) {
                Log.warnf("could not record the failure of remittance %s (its lease expires instead): %s", id, again.toString());
            }
        }
    }
}
