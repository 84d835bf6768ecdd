package com.ardesk.followup.rules;

import java.util.Optional;

/**
 * One practice's optional rule settings; an absent value falls back to the global one, so a
 * practice only names what it does differently.
 */
public record PracticeOverrides(Optional<Integer> appealLeadDays, Optional<Integer> timelyFilingLeadDays,
                                Optional<Integer> inProcessDays, Optional<Integer> infoRequestedDays,
                                Optional<Integer> resubmitDays, Optional<Integer> appealStatusCheckDays,
                                Optional<Integer> promiseCheckOffsetDays) {

    public static PracticeOverrides none() {
        return new PracticeOverrides(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    public RuleSettings over(RuleSettings global) {
        return new RuleSettings(appealLeadDays.orElse(global.appealLeadDays()),
                timelyFilingLeadDays.orElse(global.timelyFilingLeadDays()),
                inProcessDays.orElse(global.inProcessDays()),
                infoRequestedDays.orElse(global.infoRequestedDays()),
                resubmitDays.orElse(global.resubmitDays()),
                appealStatusCheckDays.orElse(global.appealStatusCheckDays()),
                promiseCheckOffsetDays.orElse(global.promiseCheckOffsetDays()));
    }
}
