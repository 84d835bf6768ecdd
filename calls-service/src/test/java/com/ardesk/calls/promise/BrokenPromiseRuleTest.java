package com.ardesk.calls.promise;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class BrokenPromiseRuleTest {

    @Test
    void checksDefaultToFiveBusinessDaysAndEftToTwo() {
        assertThat(BrokenPromiseRule.graceDays(PaymentMethod.CHECK, null, 5, 2)).isEqualTo(5);
        assertThat(BrokenPromiseRule.graceDays(PaymentMethod.EFT, null, 5, 2)).isEqualTo(2);
        assertThat(BrokenPromiseRule.graceDays(PaymentMethod.VCARD, null, 5, 2)).isEqualTo(2);
    }

    @Test
    void thePayersGraceGovernsChecksAndMayOnlyShortenEft() {
        assertThat(BrokenPromiseRule.graceDays(PaymentMethod.CHECK, 10, 5, 2)).isEqualTo(10);
        assertThat(BrokenPromiseRule.graceDays(PaymentMethod.EFT, 10, 5, 2)).isEqualTo(2);
        assertThat(BrokenPromiseRule.graceDays(PaymentMethod.EFT, 1, 5, 2)).isEqualTo(1);
    }

    @Test
    void graceCountsBusinessDaysSkippingWeekends() {
        // Tuesday 2026-03-10 + 5 business days = Tuesday 2026-03-17
        assertThat(BrokenPromiseRule.lastGraceDay(LocalDate.of(2026, 3, 10), 5)).isEqualTo(LocalDate.of(2026, 3, 17));
        // Thursday + 2 business days = Monday
        assertThat(BrokenPromiseRule.lastGraceDay(LocalDate.of(2026, 3, 12), 2)).isEqualTo(LocalDate.of(2026, 3, 16));
        // Friday + 0 = Friday
        assertThat(BrokenPromiseRule.lastGraceDay(LocalDate.of(2026, 3, 13), 0)).isEqualTo(LocalDate.of(2026, 3, 13));
    }

    @Test
    void aWeekendPromisedDateCountsFromTheNextMonday() {
        // Saturday 2026-03-14 → Monday 16th is day 0, + 2 = Wednesday 18th
        assertThat(BrokenPromiseRule.lastGraceDay(LocalDate.of(2026, 3, 14), 2)).isEqualTo(LocalDate.of(2026, 3, 18));
        assertThat(BrokenPromiseRule.lastGraceDay(LocalDate.of(2026, 3, 15), 0)).isEqualTo(LocalDate.of(2026, 3, 16));
    }

    @Test
    void brokenOnlyAfterTheLastGraceDay() {
        LocalDate last = LocalDate.of(2026, 3, 17);
        assertThat(BrokenPromiseRule.isBroken(last, last)).isFalse();
        assertThat(BrokenPromiseRule.isBroken(last, last.plusDays(1))).isTrue();
    }
}
