package com.ardesk.kit.consumer;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(30));

    @Test
    void doublesFromTheFirstDelayUpToTheCap() {
        assertThat(backoff.delay(1)).isEqualTo(Duration.ofMillis(250));
        assertThat(backoff.delay(2)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.delay(5)).isEqualTo(Duration.ofMillis(4000));
        assertThat(backoff.delay(8)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delay(1_000)).isEqualTo(Duration.ofSeconds(30));
    }
}
