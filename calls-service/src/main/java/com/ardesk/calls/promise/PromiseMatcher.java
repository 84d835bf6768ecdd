package com.ardesk.calls.promise;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether a posted payment keeps a promise (docs/domain.md "Promises to pay"): it must cover the
 * promised amount less the tolerance, and when the payer gave a check/EFT number the payment must
 * carry the same trace number. Reversals (negative amounts) never keep a promise.
 */
public final class PromiseMatcher {
    private PromiseMatcher() {
    }

    /** An open promise as far as matching cares. */
    public record Open(UUID promiseId, BigDecimal amount, String reference, LocalDate expectedOn) {
    }

    /** A posted payment as far as matching cares. */
    public record Payment(BigDecimal amount, String reference) {
    }

    public static boolean keeps(Payment payment, Open promise, BigDecimal tolerance) {
        if (payment.amount() == null || payment.amount().signum() <= 0) {
            return false;
        }
        if (payment.amount().compareTo(promise.amount().subtract(tolerance)) < 0) {
            return false;
        }
        String promised = normalize(promise.reference());
        return promised.isEmpty() || promised.equals(normalize(payment.reference()));
    }

    /**
     * The promise a payment keeps among a claim's open promises: one with a matching reference
     * first (the payer named that very check), otherwise the one due earliest.
     */
    public static Optional<Open> kept(Payment payment, List<Open> open, BigDecimal tolerance) {
        Comparator<Open> order = Comparator.<Open, Boolean>comparing(p -> normalize(p.reference()).isEmpty())
                .thenComparing(Open::expectedOn)
                .thenComparing(Open::promiseId);
        return open.stream().filter(p -> keeps(payment, p, tolerance)).min(order);
    }

    /**
     * Trace numbers are compared without punctuation, case or leading zeros: callers write
     * "chk 004821" for what the 835 carries as TRN02 "4821".
     */
    static String normalize(String reference) {
        if (reference == null) {
            return "";
        }
        String alnum = reference.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
        return alnum.replaceFirst("^0+(?=.)", "");
    }
}
