package com.ardesk.kit.time;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PracticeClockTest {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId DENVER = ZoneId.of("America/Denver");

    static PracticeClock at(String instant) {
        PracticesConfig config = new PracticesConfig() {
            @Override
            public ZoneId defaultZone() {
                return NEW_YORK;
            }

            @Override
            public Map<String, Practice> practice() {
                return Map.of("P200", () -> DENVER);
            }
        };
        return new PracticeClock(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), config);
    }

    @Test
    void aPracticeWithoutItsOwnZoneLivesInTheDefaultOne() {
        PracticeClock clock = at("2026-03-13T02:00:00Z");
        assertThat(clock.zone("P100")).isEqualTo(NEW_YORK);
        assertThat(clock.zone(null)).isEqualTo(NEW_YORK);
        assertThat(clock.zone("P200")).isEqualTo(DENVER);
        assertThat(clock.ownZones()).containsOnlyKeys("P200");
    }

    @Test
    void eveningInTheAmericasIsStillTodayThereWhileUtcIsTomorrow() {
        // 02:00 UTC on the 13th is 22:00 on the 12th in New York (EDT) and 20:00 in Denver (MDT)
        PracticeClock clock = at("2026-03-13T02:00:00Z");
        assertThat(clock.today("P100")).isEqualTo(LocalDate.of(2026, 3, 12));
        assertThat(clock.today()).isEqualTo(LocalDate.of(2026, 3, 12));
        assertThat(clock.today("P200")).isEqualTo(LocalDate.of(2026, 3, 12));

        // 05:00 UTC: past midnight in New York, not yet in Denver
        PracticeClock later = at("2026-03-13T05:00:00Z");
        assertThat(later.today("P100")).isEqualTo(LocalDate.of(2026, 3, 13));
        assertThat(later.today("P200")).isEqualTo(LocalDate.of(2026, 3, 12));
        assertThat(later.dateAt(Instant.parse("2026-03-13T07:00:00Z"), "P200")).isEqualTo(LocalDate.of(2026, 3, 13));
        assertThat(later.now()).isEqualTo(Instant.parse("2026-03-13T05:00:00Z"));
    }
}
