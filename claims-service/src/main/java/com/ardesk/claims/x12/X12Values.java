package com.ardesk.claims.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads X12 values the books keep: amounts exactly (never rounded one by one), dates as CCYYMMDD. */
public final class X12Values {
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000");

    private X12Values() {
    }

    /**
     * An amount (X12 type R) as an exact numeric(14,2) value; empty is zero.
     *
     * @throws X12Exception 400 when it is not a number, 422 when numeric(14,2) cannot hold it
     *                      exactly (more than two decimals that are not zeros, or 13+ integer digits)
     */
    public static BigDecimal amount(X12Segment segment, int element) {
        String value = segment.element(element);
        if (value.isEmpty()) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw X12Exception.unreadable(segment.position(), segment.reference(element), "'" + value + "' is not a decimal amount");
        }
        try {
            amount = amount.setScale(2);
        } catch (ArithmeticException e) {
            throw X12Exception.unacceptable(segment, element, value + " has more than two decimal places; "
                    + "rounding it would change the money silently");
        }
        if (amount.abs().compareTo(LIMIT) >= 0) {
            throw X12Exception.unacceptable(segment, element, value + " is beyond 999999999999.99, the largest amount kept");
        }
        return amount;
    }

    /** A CCYYMMDD date, or null when empty or not a date (the caller decides whether that is a warning). */
    public static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim(), DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
