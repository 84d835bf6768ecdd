package com.ardesk.calls.promise;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PromiseMatcherTest {
    private static final BigDecimal TOLERANCE = new BigDecimal("1.00");

    private static PromiseMatcher.Open promise(String amount, String reference, String expectedOn) {
        return new PromiseMatcher.Open(UUID.randomUUID(), new BigDecimal(amount), reference, LocalDate.parse(expectedOn));
    }

    private static PromiseMatcher.Payment payment(String amount, String reference) {
        return new PromiseMatcher.Payment(new BigDecimal(amount), reference);
    }

    @Test
    void paymentCoveringThePromisedAmountWithinToleranceKeepsIt() {
        PromiseMatcher.Open p = promise("1250.00", null, "2026-03-10");
        assertThat(PromiseMatcher.keeps(payment("1250.00", "X"), p, TOLERANCE)).isTrue();
        assertThat(PromiseMatcher.keeps(payment("1249.00", null), p, TOLERANCE)).isTrue();
        assertThat(PromiseMatcher.keeps(payment("1300.00", null), p, TOLERANCE)).isTrue();
        assertThat(PromiseMatcher.keeps(payment("1248.99", null), p, TOLERANCE)).isFalse();
    }

    @Test
    void aGivenTraceNumberMustMatchIgnoringPunctuationCaseAndLeadingZeros() {
        PromiseMatcher.Open p = promise("100.00", "chk-004821", "2026-03-10");
        assertThat(PromiseMatcher.keeps(payment("100.00", "CHK4821"), p, TOLERANCE)).isFalse();
        assertThat(PromiseMatcher.keeps(payment("100.00", "CHK 004821"), p, TOLERANCE)).isTrue();
        PromiseMatcher.Open numeric = promise("100.00", "004821", "2026-03-10");
        assertThat(PromiseMatcher.keeps(payment("100.00", "4821"), numeric, TOLERANCE)).isTrue();
        assertThat(PromiseMatcher.keeps(payment("100.00", "4822"), numeric, TOLERANCE)).isFalse();
        assertThat(PromiseMatcher.keeps(payment("100.00", null), numeric, TOLERANCE)).isFalse();
    }

    @Test
    void reversalsAndZeroPaymentsNeverKeepAPromise() {
        PromiseMatcher.Open p = promise("0.50", null, "2026-03-10");
        assertThat(PromiseMatcher.keeps(payment("-100.00", null), p, TOLERANCE)).isFalse();
        assertThat(PromiseMatcher.keeps(payment("0.00", null), p, TOLERANCE)).isFalse();
    }

    @Test
    void aReferenceMatchWinsOverAnEarlierPromiseThenTheEarliestDue() {
        PromiseMatcher.Open early = promise("100.00", null, "2026-03-01");
        PromiseMatcher.Open later = promise("100.00", null, "2026-03-05");
        PromiseMatcher.Open named = promise("100.00", "777", "2026-03-20");
        assertThat(PromiseMatcher.kept(payment("100.00", "777"), List.of(later, early, named), TOLERANCE)).contains(named);
        assertThat(PromiseMatcher.kept(payment("100.00", "555"), List.of(later, early, named), TOLERANCE)).contains(early);
        assertThat(PromiseMatcher.kept(payment("10.00", "777"), List.of(later, early, named), TOLERANCE)).isEmpty();
    }
}
