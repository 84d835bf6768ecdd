package com.ardesk.kit.job;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class JobRunnerTest {
    /** Generous for a loaded machine; the tests wait on latches, never on a fixed sleep. */
    static final long WAIT_SECONDS = 60;

    /** A job whose rounds are scripted: {@code busyRounds} full batches, then a pause of an hour. */
    static class Scripted implements ScheduledJob {
        final AtomicInteger rounds = new AtomicInteger();
        final CountDownLatch firstRound = new CountDownLatch(1);
        final CountDownLatch roundsDone;
        final int busyRounds;
        final int failingRounds;
        final AtomicBoolean sawStopping = new AtomicBoolean();
        final CountDownLatch stopped = new CountDownLatch(1);
        volatile boolean enabled = true;

        Scripted(int busyRounds, int failingRounds, int expectedRounds) {
            this.busyRounds = busyRounds;
            this.failingRounds = failingRounds;
            this.roundsDone = new CountDownLatch(expectedRounds);
        }

        @Override
        public String name() {
            return "scripted-" + System.identityHashCode(this);
        }

        @Override
        public boolean enabled() {
            return enabled;
        }

        @Override
        public Duration run(BooleanSupplier stopping) {
            int round = rounds.incrementAndGet();
            firstRound.countDown();
            roundsDone.countDown();
            sawStopping.set(stopping.getAsBoolean());
            if (round <= failingRounds) {
                throw new IllegalStateException("database away");
            }
            return round <= failingRounds + busyRounds ? Duration.ZERO : Duration.ofHours(1);
        }

        @Override
        public Duration retryAfter() {
            return Duration.ZERO;
        }

        @Override
        public void stopped() {
            stopped.countDown();
        }
    }

    @Test
    void aFullBatchIsFollowedAtOnceAndAFailedRoundIsRetried() throws Exception {
        JobRunner runner = new JobRunner(null);
        Scripted job = new Scripted(3, 2, 6);
        runner.start(List.of(job));
        // 2 failures retried at once, 3 full batches, then the round that finds little work
        assertThat(job.roundsDone.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        runner.stop(null);
        assertThat(job.rounds.get()).isEqualTo(6);
        assertThat(job.stopped.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void wakeCutsThePauseShortAndShutdownEndsTheThread() throws Exception {
        JobRunner runner = new JobRunner(null);
        Scripted job = new Scripted(0, 0, 2);
        runner.start(List.of(job));
        assertThat(job.firstRound.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        runner.wake(job);
        assertThat(job.roundsDone.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        runner.stop(null);
        assertThat(job.stopped.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(job.rounds.get()).isEqualTo(2);
        assertThat(job.sawStopping.get()).isFalse();
    }

    @Test
    void aDisabledJobNeverRuns() throws Exception {
        JobRunner runner = new JobRunner(null);
        Scripted job = new Scripted(0, 0, 1);
        job.enabled = false;
        runner.start(List.of(job));
        runner.stop(null);
        assertThat(job.rounds.get()).isZero();
        assertThat(job.stopped.getCount()).isEqualTo(1);
    }
}
