package com.ardesk.kit.time;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * "Today" as a practice sees it: due dates, aging and "not in the future" are calendar days where
 * the practice works, so a claim serviced late evening in Denver is not from tomorrow and a promise
 * breaks on the day the worklist shows it due (docs/domain.md#today-for-a-practice).
 */
@ApplicationScoped
public class PracticeClock {
    private final Clock clock;
    private final ZoneId defaultZone;
    private final Map<String, ZoneId> ownZones;

    public PracticeClock(Clock clock, PracticesConfig config) {
        this.clock = clock;
        this.defaultZone = config.defaultZone();
        Map<String, ZoneId> zones = new LinkedHashMap<>();
        config.practice().forEach((practiceId, practice) -> zones.put(practiceId, practice.zone()));
        this.ownZones = Map.copyOf(zones);
    }

    public Instant now() {
        return clock.instant();
    }

    /** The zone of practices without their own. */
    public ZoneId defaultZone() {
        return defaultZone;
    }

    /** Practices configured with a zone of their own (which may equal the default). */
    public Map<String, ZoneId> ownZones() {
        return ownZones;
    }

    public ZoneId zone(String practiceId) {
        return practiceId == null ? defaultZone : ownZones.getOrDefault(practiceId, defaultZone);
    }

    /** Today in the default zone: for work that is not about one practice. */
    public LocalDate today() {
        return LocalDate.ofInstant(now(), defaultZone);
    }

    public LocalDate today(String practiceId) {
        return LocalDate.ofInstant(now(), zone(practiceId));
    }

    /** The practice's date at an instant (the instant a sweep or tick started, say). */
    public LocalDate dateAt(Instant instant, String practiceId) {
        return LocalDate.ofInstant(instant, zone(practiceId));
    }
}
