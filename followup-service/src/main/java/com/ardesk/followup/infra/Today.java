package com.ardesk.followup.infra;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** "Now" and "today" in the configured zone: due dates and aging are calendar days where callers work. */
@ApplicationScoped
public class Today {
    private final Clock clock;
    private final ZoneId zone;

    public Today(RulesConfig config) {
        this.zone = config.zone();
        this.clock = Clock.system(zone);
    }

    public LocalDate date() {
        return LocalDate.now(clock);
    }

    public Instant now() {
        return Instant.now(clock);
    }

    public ZoneId zone() {
        return zone;
    }
}
