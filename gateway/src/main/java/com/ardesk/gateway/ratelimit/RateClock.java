package com.ardesk.gateway.ratelimit;

import io.github.bucket4j.TimeMeter;
import jakarta.inject.Singleton;

/**
 * The time the token buckets refill by: the system's monotonic clock. A bean of its own so that the
 * rate-limit tests can hold time still and count exactly, however slowly the machine runs them.
 */
@Singleton
public class RateClock implements TimeMeter {
    @Override
    public long currentTimeNanos() {
        return System.nanoTime();
    }

    @Override
    public boolean isWallClockBased() {
        return false;
    }
}
