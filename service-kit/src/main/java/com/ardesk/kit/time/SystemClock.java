package com.ardesk.kit.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The one {@link Clock} every "now" and "today" of a service reads. A bean so that a test can hold
 * time at a chosen instant (its own {@code Clock} bean replaces this default) instead of sleeping.
 */
@ApplicationScoped
public class SystemClock {
    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
