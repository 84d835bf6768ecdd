package com.ardesk.followup.rules;

import com.ardesk.kit.aging.AgingBucket;
import com.ardesk.kit.aging.AgingCalculator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A deterministic priority: the sum of points for balance, the nearest deadline, aging, a broken
 * promise and the denial category. {@code because} names the biggest contributors with their
 * figures, so a caller can see why a task ranks where it does.
 */
public final class PriorityScore {
    private final PriorityWeights weights;

    public PriorityScore(PriorityWeights weights) {
        this.weights = weights;
    }

    /** The score and its top reasons, biggest first. */
    public record Priority(int score, List<String> because) {
    }

    private record Factor(int points, String reason) {
    }

    public Priority score(PriorityInput input, LocalDate today) {
        List<Factor> factors = new ArrayList<>();
        balance(input.balance()).ifPresent(factors::add);
        deadline(input.deadlines(), today).ifPresent(factors::add);
        aging(input.agingBasis(), today).ifPresent(factors::add);
        if (input.brokenPromiseOn() != null && weights.brokenPromise() > 0) {
            factors.add(new Factor(weights.brokenPromise(), "promise broken on " + input.brokenPromiseOn()));
        }
        if (input.denialCategory() != null) {
            int points = weights.denialCategory().getOrDefault(input.denialCategory(), weights.denialCategoryDefault());
            if (points > 0) {
                factors.add(new Factor(points, "denied for " + input.denialCategory()));
            }
        }
        int score = factors.stream().mapToInt(Factor::points).sum();
        // stable sort: equal points keep the order above, so the same input always reads the same
        List<String> because = factors.stream().sorted(Comparator.comparingInt(Factor::points).reversed())
                .limit(weights.reasonsShown()).map(Factor::reason).toList();
        return new Priority(score, because);
    }

    private Optional<Factor> balance(BigDecimal balance) {
        if (balance == null || balance.signum() <= 0) {
            return Optional.empty();
        }
        int points = balance.multiply(BigDecimal.valueOf(weights.pointsPerThousand()))
                .divide(BigDecimal.valueOf(1000), 0, RoundingMode.FLOOR)
                .min(BigDecimal.valueOf(weights.balanceCap())).intValue();
        return Optional.of(new Factor(points, "balance " + Money.format(balance)));
    }

    /** Only the nearest deadline today or later counts: a passed one can no longer be met. */
    private Optional<Factor> deadline(List<PriorityInput.Deadline> deadlines, LocalDate today) {
        if (deadlines == null) {
            return Optional.empty();
        }
        return deadlines.stream().filter(d -> d.on() != null && !d.on().isBefore(today))
                .min(Comparator.comparing(PriorityInput.Deadline::on))
                .flatMap(d -> {
                    long days = ChronoUnit.DAYS.between(today, d.on());
                    int horizon = Math.max(1, weights.deadlineHorizonDays());
                    if (days >= horizon) {
                        return Optional.empty();
                    }
                    int points = (int) (weights.deadlineMax() * (horizon - days) / horizon);
                    String when = days == 0 ? "today" : days == 1 ? "tomorrow" : "in " + days + " days";
                    return Optional.of(new Factor(points, d.label() + " " + when));
                });
    }

    private Optional<Factor> aging(LocalDate basis, LocalDate today) {
        if (basis == null) {
            return Optional.empty();
        }
        long days = AgingCalculator.agingDays(basis, today);
        AgingBucket bucket = AgingBucket.of(days);
        // one weight per bucket past the first: 0-30 adds nothing, 120+ adds four
        int points = bucket.ordinal() * weights.agingPerBucket();
        return points > 0 ? Optional.of(new Factor(points, "aged " + days + " days (" + bucket.label() + ")"))
                : Optional.empty();
    }
}
