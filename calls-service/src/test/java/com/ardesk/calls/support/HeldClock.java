package com.ardesk.calls.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * The clock of the tests (replaces service-kit's system clock): runs like the real one until a test
 * holds it at an instant, so a sweep "on" a day needs no waiting and no date parameter.
 */
@Alternative
@Priority(1)
@Singleton
public class HeldClock extends Clock {
    private volatile Instant heldAt;

    /** Runs {@code work} with time standing at {@code instant}, then lets it run on. */
    public <T> T at(Instant instant, Supplier<T> work) {
        heldAt = instant;
        try {
            return work.get();
        } finally {
            heldAt = null;
        }
    }

    @Override
    public Instant instant() {
        Instant held = heldAt;
        return held != null ? held : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("services read instants; PracticeClock applies the zones");
    }
}
