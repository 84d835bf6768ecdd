package com.ardesk.followup.rules;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PriorityScoreTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    final PriorityScore score = new PriorityScore(PriorityWeights.defaults());

    @Test
    void reasonsCarryTheirFiguresBiggestFirst() {
        PriorityScore.Priority p = score.score(new PriorityInput(new BigDecimal("4210.00"), TODAY.minusDays(95),
                List.of(new PriorityInput.Deadline("appeal deadline", TODAY.plusDays(6))),
                LocalDate.of(2026, 11, 2), "AUTHORIZATION"), TODAY);

        // deadline 100*(30-6)/30=80, promise 50, balance 42, denial 30, aging 3*10=30
        assertThat(p.score()).isEqualTo(80 + 50 + 42 + 30 + 30);
        assertThat(p.because()).containsExactly("appeal deadline in 6 days", "promise broken on 2026-11-02",
                "balance $4,210.00");
    }

    @Test
    void sameInputAlwaysGivesTheSameScoreAndReasons() {
        PriorityInput input = new PriorityInput(new BigDecimal("3000.00"), TODAY.minusDays(45), List.of(), null, "CODING");
        assertThat(score.score(input, TODAY)).isEqualTo(score.score(input, TODAY));
        // 30 balance, 25 coding, 10 aging: biggest first
        assertThat(score.score(input, TODAY).because())
                .containsExactly("balance $3,000.00", "denied for CODING", "aged 45 days (31-60)");
    }

    @Test
    void balanceIsCappedSoOneHugeClaimDoesNotDrownEveryDeadline() {
        PriorityScore.Priority p = score.score(new PriorityInput(new BigDecimal("1000000.00"), null, List.of(), null, null), TODAY);
        assertThat(p.score()).isEqualTo(100);
        assertThat(p.because()).containsExactly("balance $1,000,000.00");
    }

    @Test
    void onlyTheNearestDeadlineStillAheadCountsAndFarOnesAddNothing() {
        PriorityScore.Priority p = score.score(new PriorityInput(null, null, List.of(
                new PriorityInput.Deadline("timely filing deadline", TODAY.plusDays(20)),
                new PriorityInput.Deadline("promised payment", TODAY),
                new PriorityInput.Deadline("appeal deadline", TODAY.minusDays(1))), null, null), TODAY);
        assertThat(p.score()).isEqualTo(100);
        assertThat(p.because()).containsExactly("promised payment today");

        assertThat(score.score(new PriorityInput(null, null,
                List.of(new PriorityInput.Deadline("appeal deadline", TODAY.plusDays(31))), null, null), TODAY).score()).isZero();
        assertThat(score.score(new PriorityInput(null, null,
                List.of(new PriorityInput.Deadline("appeal deadline", TODAY.plusDays(1))), null, null), TODAY).because())
                .containsExactly("appeal deadline tomorrow");
    }

    @Test
    void weightsComeFromConfiguration() {
        PriorityScore custom = new PriorityScore(new PriorityWeights(1, 5, 0, 30, 0, 0, Map.of("CODING", 99), 1, 1));
        PriorityScore.Priority p = custom.score(new PriorityInput(new BigDecimal("9000.00"), TODAY.minusDays(200),
                List.of(), LocalDate.of(2026, 11, 2), "CODING"), TODAY);
        assertThat(p.score()).isEqualTo(5 + 99);
        assertThat(p.because()).containsExactly("denied for CODING");
        assertThat(custom.score(new PriorityInput(null, null, List.of(), null, "UNKNOWN"), TODAY).score()).isEqualTo(1);
    }

    @Test
    void nothingKnownScoresZeroWithNoReasons() {
        PriorityScore.Priority p = score.score(new PriorityInput(null, null, List.of(), null, null), TODAY);
        assertThat(p.score()).isZero();
        assertThat(p.because()).isEmpty();
    }
}
