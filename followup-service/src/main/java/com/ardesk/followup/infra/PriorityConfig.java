package com.ardesk.followup.infra;

import com.ardesk.followup.rules.PriorityWeights;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;

/** Priority weights ({@code ardesk.priority.*}), in points; see {@link PriorityWeights}. */
@ConfigMapping(prefix = "ardesk.priority")
public interface PriorityConfig {
    /** Points per $1,000 of balance. */
    @WithDefault("10")
    int pointsPerThousand();

    /** Most points balance alone can give. */
    @WithDefault("100")
    int balanceCap();

    /** Points for a deadline due today, falling linearly to 0 at the horizon. */
    @WithDefault("100")
    int deadlineMax();

    /** Deadlines further away than this many days add nothing. */
    @WithDefault("30")
    int deadlineHorizonDays();

    /** Points per aging bucket past 0-30. */
    @WithDefault("10")
    int agingPerBucket();

    /** Points when a promise on the claim was broken. */
    @WithDefault("50")
    int brokenPromise();

    /** Points per denial category, e.g. {@code ardesk.priority.denial-category.TIMELY_FILING=40}. */
    Map<String, Integer> denialCategory();

    /** Points for a denial category missing from the map. */
    @WithDefault("15")
    int denialCategoryDefault();

    /** How many reasons each worklist item's {@code because} carries. */
    @WithDefault("3")
    int reasonsShown();

    default PriorityWeights weights() {
        return new PriorityWeights(pointsPerThousand(), balanceCap(), deadlineMax(), deadlineHorizonDays(),
                agingPerBucket(), brokenPromise(), Map.copyOf(denialCategory()), denialCategoryDefault(), reasonsShown());
    }
}
