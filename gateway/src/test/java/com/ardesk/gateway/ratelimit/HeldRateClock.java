package com.ardesk.gateway.ratelimit;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/** The rate clock of the tests: runs like the real one until a test holds it still, so no bucket refills mid-count. */
@Alternative
@Priority(1)
@Singleton
public class HeldRateClock extends RateClock {
    private volatile Long heldAt;

    public void hold() {
        heldAt = System.nanoTime();
    }

    public void release() {
        heldAt = null;
    }

    @Override
    public long currentTimeNanos() {
        Long held = heldAt;
        return held != null ? held : super.currentTimeNanos();
    }
}
