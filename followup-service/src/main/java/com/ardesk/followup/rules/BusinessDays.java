package com.ardesk.followup.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Payers answer phones on weekdays; holidays are not modelled. */
public final class BusinessDays {
    private BusinessDays() {
    }

    public static LocalDate next(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
            next = next.plusDays(1);
        }
        return next;
    }
}
