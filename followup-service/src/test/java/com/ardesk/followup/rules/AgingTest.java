package com.ardesk.followup.rules;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class AgingTest {
    @Test
    void bucketsFollowDomainBoundaries() {
        assertThat(Aging.bucket(0)).isEqualTo("0-30");
        assertThat(Aging.bucket(30)).isEqualTo("0-30");
        assertThat(Aging.bucket(31)).isEqualTo("31-60");
        assertThat(Aging.bucket(60)).isEqualTo("31-60");
        assertThat(Aging.bucket(61)).isEqualTo("61-90");
        assertThat(Aging.bucket(90)).isEqualTo("61-90");
        assertThat(Aging.bucket(91)).isEqualTo("91-120");
        assertThat(Aging.bucket(120)).isEqualTo("91-120");
        assertThat(Aging.bucket(121)).isEqualTo("120+");
    }

    @Test
    void agingCountsFromFirstBilledDateElseServiceDate() {
        LocalDate today = LocalDate.of(2026, 11, 20);
        assertThat(Aging.days(Aging.basis(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 10, 1)), today)).isEqualTo(19);
        assertThat(Aging.days(Aging.basis(null, LocalDate.of(2026, 10, 21)), today)).isEqualTo(30);
        assertThat(Aging.days(null, today)).isZero();
    }

    @Test
    void moneyReadsWithThousandsSeparatorsAndTwoDecimals() {
        assertThat(Money.format(new BigDecimal("4210"))).isEqualTo("$4,210.00");
        assertThat(Money.format(new BigDecimal("-12.5"))).isEqualTo("-$12.50");
        assertThat(Money.format(null)).isEqualTo("$0.00");
    }

    @Test
    void nextBusinessDaySkipsTheWeekend() {
        assertThat(BusinessDays.next(LocalDate.of(2026, 11, 20))).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(BusinessDays.next(LocalDate.of(2026, 11, 23))).isEqualTo(LocalDate.of(2026, 11, 24));
    }
}
