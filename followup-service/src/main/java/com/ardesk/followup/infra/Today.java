package com.ardesk.followup.infra;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * "Now" and "today" where callers work: due dates and aging are calendar days, and a practice
 * may sit in another zone than the global one.
 */
@ApplicationScoped
public class Today {
    private final Clock clock;
    private final RulesConfig config;

    public Today(RulesConfig config) {
        this.config = config;
        this.clock = Clock.system(config.zone());
        // a mistyped practice zone fails the first use of Today, not only that practice's events
        config.practices().keySet().forEach(config::zone);
    }

    public LocalDate date() {
        return LocalDate.now(clock);
    }

    public LocalDate date(String practiceId) {
        return LocalDate.now(clock.withZone(zone(practiceId)));
    }

    public Instant now() {
        return Instant.now(clock);
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    public ZoneId zone(String practiceId) {
        return config.zone(practiceId);
    }
}
