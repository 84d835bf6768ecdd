package com.ardesk.calls.plan;

import com.ardesk.calls.promise.PromiseStatus;
import com.ardesk.kit.problem.FieldError;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** What makes a payment plan valid, and its status from its installments. */
public final class PlanRules {
    private PlanRules() {
    }

    /**
     * Problems with a plan's installments: they must add up to the total exactly, and fall on
     * increasing dates from today on (one installment per date, none already overdue).
     */
    public static List<FieldError> check(BigDecimal total, List<LocalDate> dueDates, List<BigDecimal> amounts,
                                         LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        BigDecimal sum = amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(total) != 0) {
            errors.add(new FieldError("installments", "amounts sum to " + sum.toPlainString() + ", not the total "
                    + total.toPlainString()));
        }
        for (int i = 0; i < dueDates.size(); i++) {
            if (dueDates.get(i).isBefore(today)) {
                errors.add(new FieldError("installments[" + i + "].dueOn", "must not be in the past"));
            } else if (i > 0 && !dueDates.get(i).isAfter(dueDates.get(i - 1))) {
                errors.add(new FieldError("installments[" + i + "].dueOn", "must be after the previous installment's"));
            }
        }
        return errors;
    }

    /** A missed installment breaks the plan; all paid completes it; cancelled leftovers cancel it. */
    public static PlanStatus status(Collection<PromiseStatus> installments) {
        if (installments.contains(PromiseStatus.BROKEN)) {
            return PlanStatus.BROKEN;
        }
        if (installments.contains(PromiseStatus.OPEN)) {
            return PlanStatus.ACTIVE;
        }
        if (installments.contains(PromiseStatus.CANCELLED)) {
            return PlanStatus.CANCELLED;
        }
        return PlanStatus.COMPLETED;
    }
}
