package com.ardesk.calls.plan;

import com.ardesk.calls.promise.PromiseStatus;
import com.ardesk.kit.problem.FieldError;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlanRulesTest {
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    static List<BigDecimal> amounts(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    @Test
    void installmentsMustSumToTheTotalExactly() {
        List<LocalDate> dates = List.of(TODAY.plusMonths(1), TODAY.plusMonths(2), TODAY.plusMonths(3));
        assertThat(PlanRules.check(new BigDecimal("300.00"), dates, amounts("100.00", "100.00", "100.00"), TODAY)).isEmpty();
        assertThat(PlanRules.check(new BigDecimal("300.00"), dates, amounts("100", "100", "100.00"), TODAY)).isEmpty();
        assertThat(PlanRules.check(new BigDecimal("300.00"), dates, amounts("100.00", "100.00", "99.99"), TODAY))
                .extracting(FieldError::field).containsExactly("installments");
    }

    @Test
    void datesMustIncreaseAndNotBeOverdue() {
        List<FieldError> errors = PlanRules.check(new BigDecimal("30.00"),
                List.of(TODAY.minusDays(1), TODAY.plusDays(5), TODAY.plusDays(5)), amounts("10.00", "10.00", "10.00"), TODAY);
        assertThat(errors).extracting(FieldError::field)
                .containsExactly("installments[0].dueOn", "installments[2].dueOn");
        assertThat(PlanRules.check(new BigDecimal("10.00"), List.of(TODAY), amounts("10.00"), TODAY)).isEmpty();
    }

    @Test
    void statusIsDerivedFromTheInstallments() {
        assertThat(PlanRules.status(List.of(PromiseStatus.KEPT, PromiseStatus.OPEN))).isEqualTo(PlanStatus.ACTIVE);
        assertThat(PlanRules.status(List.of(PromiseStatus.KEPT, PromiseStatus.KEPT))).isEqualTo(PlanStatus.COMPLETED);
        assertThat(PlanRules.status(List.of(PromiseStatus.KEPT, PromiseStatus.BROKEN, PromiseStatus.OPEN)))
                .isEqualTo(PlanStatus.BROKEN);
        assertThat(PlanRules.status(List.of(PromiseStatus.KEPT, PromiseStatus.CANCELLED))).isEqualTo(PlanStatus.CANCELLED);
    }
}
