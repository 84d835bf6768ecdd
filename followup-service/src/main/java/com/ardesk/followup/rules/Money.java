package com.ardesk.followup.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Money as people read it in reasons: {@code $4,210.00}. */
public final class Money {
    private Money() {
    }

    public static String format(BigDecimal amount) {
        if (amount == null) {
            return "$0.00";
        }
        BigDecimal scaled = amount.setScale(2, RoundingMode.HALF_UP);
        return (scaled.signum() < 0 ? "-" : "") + String.format(Locale.US, "$%,.2f", scaled.abs());
    }
}
