package com.ardesk.claims.claim;

import com.ardesk.kit.problem.FieldError;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Money checks shared by every input that carries an amount: exact cents, bounded, no floats. */
public final class Money {
    /** numeric(14,2) holds up to 999,999,999,999.99. */
    public static final BigDecimal MAX = new BigDecimal("999999999999.99");
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2, RoundingMode.UNNECESSARY);

    private Money() {
    }

    /** Adds an error for a missing, negative (unless allowed), over-precise or too large amount. */
    public static void check(String field, BigDecimal amount, boolean allowNegative, List<FieldError> errors) {
        if (amount == null) {
            errors.add(new FieldError(field, "is required"));
        } else if (amount.abs().compareTo(MAX) > 0) {
            errors.add(new FieldError(field, "must be at most " + MAX));
        } else if (amount.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError(field, "must have at most 2 decimals"));
        } else if (!allowNegative && amount.signum() < 0) {
            errors.add(new FieldError(field, "must not be negative"));
        }
    }

    /** The amount at cent scale; only call after {@link #check} passed. */
    public static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }
}
