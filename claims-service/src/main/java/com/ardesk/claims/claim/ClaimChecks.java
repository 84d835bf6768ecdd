package com.ardesk.claims.claim;

import com.ardesk.kit.time.PracticeClock;
import com.ardesk.claims.payer.Payer;
import com.ardesk.kit.problem.FieldError;
import com.ardesk.kit.problem.ProblemException;
import com.ardesk.kit.tenancy.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a claim input may be stored: {@link ClaimValidator}'s rules on the practice's today, the
 * payer must exist, and the practice must be the caller's.
 */
@ApplicationScoped
public class ClaimChecks {
    private final PracticeClock calendar;
    private final Tenancy tenancy;

    public ClaimChecks(PracticeClock calendar, Tenancy tenancy) {
        this.calendar = calendar;
        this.tenancy = tenancy;
    }

    /** Validation errors of one input (payer existence included), for the batch's per-item results. */
    public List<FieldError> problemsOf(ClaimInput input, Map<String, Boolean> knownPayers) {
        List<FieldError> errors = ClaimValidator.validate(input,
                input == null || input.practiceId() == null ? LocalDate.now() : calendar.today(input.practiceId()));
        if (input != null && input.payerId() != null && errors.stream().noneMatch(e -> e.field().equals("payerId"))
                && !knownPayers.computeIfAbsent(input.payerId(), id -> Payer.findById(id) != null)) {
            errors.add(new FieldError("payerId", "is not a known payer; PUT /api/v1/payers/" + input.payerId() + " first"));
        }
        return errors;
    }

    /** 404 for another practice's claim, else 400 listing {@code earlier} errors and every problem of the input. */
    void require(ClaimInput input, List<FieldError> earlier) {
        // another practice's claim is "not found", whatever else is wrong with the body
        if (input != null && input.practiceId() != null && ClaimValidator.PRACTICE_ID.matcher(input.practiceId()).matches()
                && !tenancy.canSee(input.practiceId())) {
            throw ProblemException.notFound("practice", input.practiceId());
        }
        List<FieldError> errors = new ArrayList<>(earlier);
        errors.addAll(problemsOf(input, new HashMap<>()));
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
    }
}
