package com.ardesk.kit.job;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * A background job of a service: an {@code @ApplicationScoped} bean that {@link JobRunner} runs on a
 * thread of its own from start-up to shutdown, round after round. Where only one replica may act, a
 * round takes an advisory lock in its transaction ({@link AdvisoryLocks}) and does nothing without it.
 */
public interface ScheduledJob {
    /** The job's thread name, also used in its log lines. */
    String name();

    /** Whether this instance runs the job at all (a config switch; tests often drive rounds themselves). */
    boolean enabled();

    /** The pause before the first round. */
    default Duration initialDelay() {
        return Duration.ZERO;
    }

    /**
     * One round. Returns the pause before the next one: {@link Duration#ZERO} when there is more work
     * at once (a full batch), so a backlog drains without waiting for the interval.
     *
     * @param stopping true once the service is shutting down: a long round ends after its current step
     */
    Duration run(BooleanSupplier stopping) throws Exception;

    /** The pause after a round that threw (the database or the broker away, say); the next round retries. */
    Duration retryAfter();

    /** Called once the job's thread has ended at shutdown, to release what the rounds used. */
    default void stopped() {
    }
}
