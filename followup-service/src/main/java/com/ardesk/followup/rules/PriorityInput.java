package com.ardesk.followup.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the read model knows about a claim that bears on how urgent its work is.
 *
 * @param balance         the open insurance balance
 * @param agingBasis      the date the claim ages from under the configured basis (service-kit {@code AgingCalculator})
 * @param deadlines       dates that matter: appeal, timely filing, promised payment
 * @param brokenPromiseOn the latest date a promise on the claim was broken, or null
 * @param denialCategory  the category of the claim's latest denial, or null
 */
public record PriorityInput(BigDecimal balance, LocalDate agingBasis, List<Deadline> deadlines,
                            LocalDate brokenPromiseOn, String denialCategory) {

    /** A dated obligation; {@code label} reads in a sentence: "appeal deadline", "promised payment". */
    public record Deadline(String label, LocalDate on) {
    }
}
