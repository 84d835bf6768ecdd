package com.ardesk.kit.consumer;

import java.time.Duration;

/** Capped exponential backoff: first, 2 × first, 4 × first … up to max, for the n-th retry (n ≥ 1). */
public record Backoff(Duration first, Duration max) {
    public Duration delay(int retry) {
        int doublings = Math.min(Math.max(retry - 1, 0), 30);
        long millis = first.toMillis() << doublings;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }
}
