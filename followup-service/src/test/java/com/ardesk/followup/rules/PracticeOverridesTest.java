package com.ardesk.followup.rules;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PracticeOverridesTest {
    static final RuleSettings GLOBAL = new RuleSettings(14, 30, 14, 7, 30, 30, 1);

    @Test
    void noOverridesIsTheGlobalSettings() {
        assertThat(PracticeOverrides.none().over(GLOBAL)).isEqualTo(GLOBAL);
    }

    @Test
    void eachPresentValueReplacesOnlyItsOwnSetting() {
        PracticeOverrides p200 = new PracticeOverrides(Optional.of(21), Optional.empty(), Optional.empty(),
                Optional.of(3), Optional.empty(), Optional.empty(), Optional.of(0));

        assertThat(p200.over(GLOBAL)).isEqualTo(new RuleSettings(21, 30, 14, 3, 30, 30, 0));
    }

    @Test
    void everySettingCanBeOverridden() {
        PracticeOverrides all = new PracticeOverrides(Optional.of(1), Optional.of(2), Optional.of(3), Optional.of(4),
                Optional.of(5), Optional.of(6), Optional.of(7));

        assertThat(all.over(GLOBAL)).isEqualTo(new RuleSettings(1, 2, 3, 4, 5, 6, 7));
    }
}
