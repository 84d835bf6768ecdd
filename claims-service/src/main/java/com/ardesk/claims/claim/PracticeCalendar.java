package com.ardesk.claims.claim;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** "Today" as the practice sees it: a claim serviced late evening in Denver is not from tomorrow. */
@ApplicationScoped
public class PracticeCalendar {
    private final ClaimsConfig config;
    private final Clock clock = Clock.systemUTC();

    public PracticeCalendar(ClaimsConfig config) {
        this.config = config;
    }

    public ZoneId zone(String practiceId) {
        return config.practiceZones().getOrDefault(practiceId, config.defaultZone());
    }

    public LocalDate today(String practiceId) {
        return LocalDate.now(clock.withZone(zone(practiceId)));
    }
}
