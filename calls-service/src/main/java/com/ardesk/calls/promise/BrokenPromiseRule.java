package com.ardesk.calls.promise;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * When a promise counts as broken: no covering payment by {@code expectedOn} plus the grace
 * business days (docs/domain.md "Promises to pay": default 5 for checks, 2 for EFT). Business days are Monday to Friday.
 */
public final class BrokenPromiseRule {
    private BrokenPromiseRule() {
    }

    /**
     * Grace days for a promise: a check gets the payer's grace days when calls-service knows the
     * payer, else the check default; EFT and virtual cards settle electronically, so the payer's
     * (mail-time) grace may shorten theirs but never extend it beyond the EFT default.
     */
    public static int graceDays(PaymentMethod method, Integer payerGraceDays, int checkDefault, int eftDefault) {
        if (method == PaymentMethod.CHECK) {
            return payerGraceDays != null ? payerGraceDays : checkDefault;
        }
        return payerGraceDays != null ? Math.min(payerGraceDays, eftDefault) : eftDefault;
    }

    /** The last day a payment still keeps the promise; a weekend promised date counts from the next Monday. */
    public static LocalDate lastGraceDay(LocalDate expectedOn, int graceDays) {
        LocalDate day = expectedOn;
        while (!isBusinessDay(day)) {
            day = day.plusDays(1);
        }
        for (int added = 0; added < graceDays; ) {
            day = day.plusDays(1);
            if (isBusinessDay(day)) {
                added++;
            }
        }
        return day;
    }

    public static boolean isBroken(LocalDate lastGraceDay, LocalDate today) {
        return today.isAfter(lastGraceDay);
    }

    static boolean isBusinessDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
