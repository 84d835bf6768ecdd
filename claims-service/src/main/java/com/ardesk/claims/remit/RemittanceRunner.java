package com.ardesk.claims.remit;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.lang.management.ManagementFactory;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Posts accepted 835 files in the background, one chunk per transaction, on one thread per
 * instance. Any instance may take any remittance whose lease is free or expired, so a job whose
 * instance crashed resumes elsewhere (or here after a restart) from its last committed chunk.
 */
@ApplicationScoped
public class RemittanceRunner {
    private final RemittanceJobs jobs;
    private final RemittanceConfig config;
    /** This instance's lease owner name: distinct per process, so a restarted pod never mistakes a dead lease for its own. */
    private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    public RemittanceRunner(RemittanceJobs jobs, RemittanceConfig config) {
        this.jobs = jobs;
        this.config = config;
    }

    void start(@Observes StartupEvent ignored) {
        if (!config.runnerEnabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "remittance-runner");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            // a chunk in flight commits or rolls back; either way the next owner resumes after it
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /** A file was accepted here: look now instead of at the next poll. */
    public void wake() {
        wake.release();
    }

    private void loop() {
        while (running) {
            try {
                UUID id = jobs.lease(owner, config.lease());
                if (id == null) {
                    wake.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                    continue;
                }
                post(id);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the database is away: wait a poll interval and look again
                Log.warnf("remittance runner: %s", e.toString());
                sleep();
            }
        }
    }

    private void post(UUID id) {
        Log.infof("posting remittance %s in the background", id);
        try {
            while (running && jobs.chunk(id, owner, config.chunkSize(), config.lease())) {
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

    private void sleep() {
        try {
            Thread.sleep(config.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
