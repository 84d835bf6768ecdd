package com.ardesk.e2e.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounded background writes: a few client threads, each taking the next unit number and writing
 * it (retrying as a client would), pausing between units so the load stays a steady trickle a
 * 2-core machine can carry through the outage and the catch-up after it.
 */
final class Load implements AutoCloseable {
    /** Writes unit {@code n} as client {@code worker}. */
    interface Unit {
        void write(int worker, int n);
    }

    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger next;
    private final ConcurrentLinkedQueue<Instant> completions = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;

    private Load(int first) {
        this.next = new AtomicInteger(first);
    }

    /** Starts {@code workers} client threads on units {@code first, first + step, ...} until closed. */
    static Load start(int workers, int first, int step, Duration pause, Unit unit) {
        return start(workers, first, step, Integer.MAX_VALUE, pause, unit);
    }

    /** As {@link #start(int, int, int, Duration, Unit)}, writing at most {@code units} units. */
    static Load start(int workers, int first, int step, int units, Duration pause, Unit unit) {
        Load load = new Load(first);
        long last = first + (long) step * (units - 1L);
        for (int w = 0; w < workers; w++) {
            int worker = w;
            Thread t = new Thread(() -> {
                try {
                    while (load.running) {
                        int n = load.next.getAndAdd(step);
                        if (n > last || n < first) {
                            return;
                        }
                        unit.write(worker, n);
                        load.completions.add(Instant.now());
                        if (load.running) {
                            Api.pause(pause.toMillis());
                        }
                    }
                } catch (RuntimeException | AssertionError e) {
                    load.errors.add(e);
                }
            }, "fault-load-" + w);
            t.setDaemon(true);
            load.threads.add(t);
            t.start();
        }
        return load;
    }

    int completed() {
        return completions.size();
    }

    int completedSince(Instant since) {
        return (int) completions.stream().filter(t -> t.isAfter(since)).count();
    }

    /** Stops taking new units and waits for the clients to finish theirs (retries included). */
    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            // a client may be resending a write for up to HARD_LIMIT, and a unit has a few steps
            t.join(Api.HARD_LIMIT.multipliedBy(2).toMillis());
            if (t.isAlive()) {
                throw new IllegalStateException(t.getName() + " did not finish its unit");
            }
        }
        if (!errors.isEmpty()) {
            IllegalStateException e = new IllegalStateException("a load client failed: " + errors.peek(), errors.peek());
            throw e;
        }
    }
}
