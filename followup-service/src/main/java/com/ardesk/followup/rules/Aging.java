package com.ardesk.followup.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * AR aging as docs/domain.md "Aging" defines it: days since the first billed date (falling back to the service
 * date), in the buckets 0-30, 31-60, 61-90, 91-120, 120+.
 */
public final class Aging {
    public static final String[] BUCKETS = {"0-30", "31-60", "61-90", "91-120", "120+"};

    private Aging() {
    }

    /** The clock date aging counts from; null when the claim has neither date. */
    public static LocalDate basis(LocalDate submittedOn, LocalDate serviceDateFrom) {
        return submittedOn != null ? submittedOn : serviceDateFrom;
    }

    public static int days(LocalDate basis, LocalDate today) {
        return basis == null ? 0 : (int) Math.max(0, ChronoUnit.DAYS.between(basis, today));
    }

    /** 0 for 0-30 up to 4 for 120+. */
    public static int bucketIndex(int days) {
        if (days <= 30) {
            return 0;
        }
        if (days > 120) {
            return 4;
        }
        return (days - 1) / 30;
    }

    public static String bucket(int days) {
        return BUCKETS[bucketIndex(days)];
    }
}
