package com.ardesk.followup.rules;

import java.util.Map;

/**
 * Weights of {@link PriorityScore}, in points.
 *
 * @param pointsPerThousand     points per $1,000 of balance
 * @param balanceCap            most points balance alone can give
 * @param deadlineMax           points for a deadline due today; falls linearly to 0 at the horizon
 * @param deadlineHorizonDays   deadlines further away than this add nothing
 * @param agingPerBucket        points per aging bucket past 0-30
 * @param brokenPromise         points when the payer broke a promise on the claim
 * @param denialCategory        points per denial category (CARC category)
 * @param denialCategoryDefault points for a category missing from the map
 * @param reasonsShown          how many reasons {@code because} carries
 */
public record PriorityWeights(int pointsPerThousand, int balanceCap, int deadlineMax, int deadlineHorizonDays,
                              int agingPerBucket, int brokenPromise, Map<String, Integer> denialCategory,
                              int denialCategoryDefault, int reasonsShown) {

    public static PriorityWeights defaults() {
        return new PriorityWeights(10, 100, 100, 30, 10, 50, Map.of("TIMELY_FILING", 40, "AUTHORIZATION", 30,
                "MEDICAL_NECESSITY", 30, "MISSING_INFO", 25, "CODING", 25, "ELIGIBILITY", 20,
                "COORDINATION_OF_BENEFITS", 20, "NON_COVERED", 10, "DUPLICATE", 5, "OTHER", 15), 15, 3);
    }
}
