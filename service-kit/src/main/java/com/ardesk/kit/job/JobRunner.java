package com.ardesk.kit.job;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs every enabled {@link ScheduledJob} bean on a daemon thread of its own: started with the
 * service, stopped at shutdown (the round in flight finishes, for up to 10 s, before the thread is
 * interrupted), a failed round logged and retried. The one way a service runs background work.
 */
@ApplicationScoped
public class JobRunner {
    /** How long shutdown waits for a round in flight before interrupting it. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);
    /** A job failing every round (the database away) warns at most this often. */
    private static final Duration WARN_EVERY = Duration.ofSeconds(30);

    private final Instance<ScheduledJob> jobs;
    private final List<Running> running = new CopyOnWriteArrayList<>();

    public JobRunner(Instance<ScheduledJob> jobs) {
        this.jobs = jobs;
    }

    void start(@Observes StartupEvent ignored) {
        start(jobs);
    }

    /** Starts the enabled ones of {@code all}; the start-up observer passes every ScheduledJob bean. */
    void start(Iterable<? extends ScheduledJob> all) {
        for (ScheduledJob job : all) {
            if (job.enabled()) {
                Running r = new Running(job);
                running.add(r);
                r.thread.start();
                Log.infof("%s started", job.name());
            }
        }
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        running.forEach(Running::signalStop);
        for (Running r : running) {
            r.thread.join(STOP_WAIT.toMillis());
            if (r.thread.isAlive()) {
                r.thread.interrupt();
                r.thread.join(STOP_WAIT.toMillis());
            }
            r.job.stopped();
        }
    }

    /** Runs the job's next round now instead of after its pause (new work arrived on this instance). */
    public void wake(ScheduledJob job) {
        // by name: the caller may hold the bean itself, the runner its client proxy
        running.stream().filter(r -> r.job.name().equals(job.name())).forEach(r -> r.wake.release());
    }

    /** One job's thread, its pause that {@link #wake} and shutdown cut short, and its stop flag. */
    private static final class Running {
        final ScheduledJob job;
        final Thread thread;
        final Semaphore wake = new Semaphore(0);
        volatile boolean stopping;
        Instant lastWarning = Instant.EPOCH;

        Running(ScheduledJob job) {
            this.job = job;
            this.thread = new Thread(this::loop, job.name());
            thread.setDaemon(true);
        }

        void signalStop() {
            stopping = true;
            wake.release();
        }

        private void loop() {
            Duration pause = job.initialDelay();
            try {
                while (!stopping) {
                    if (!pause.isZero()) {
                        wake.tryAcquire(pause.toMillis(), TimeUnit.MILLISECONDS);
                        wake.drainPermits();
                        if (stopping) {
                            return;
                        }
                    }
                    pause = round();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private Duration round() {
            try {
                return job.run(() -> stopping);
            } catch (Exception | LinkageError | StackOverflowError e) {
                // a stack overflow is unwound by the time it lands here: the thread is fine, and a job whose
                // thread ended would leave its work (an outbox, a sweep) stuck until the next restart
                if (Duration.between(lastWarning, Instant.now()).compareTo(WARN_EVERY) >= 0) {
                    lastWarning = Instant.now();
                    Log.warnf("%s: round failed, retrying in %s: %s", job.name(), job.retryAfter(), e.toString());
                }
                return job.retryAfter();
            }
        }
    }
}
