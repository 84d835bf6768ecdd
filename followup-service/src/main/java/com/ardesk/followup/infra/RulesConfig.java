package com.ardesk.followup.infra;

import com.ardesk.followup.rules.PracticeOverrides;
import com.ardesk.followup.rules.RuleSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;
import java.util.Optional;

/** Follow-up rule settings ({@code ardesk.rules.*}); defaults are those of docs/domain.md "Follow-up tasks". */
@ConfigMapping(prefix = "ardesk.rules")
public interface RulesConfig {
    /** An APPEAL_DEADLINE task is due this many days before the appeal deadline. */
    @WithDefault("14")
    int appealLeadDays();

    /** An unanswered claim gets a STATUS_CHECK this many days before its timely-filing deadline. */
    @WithDefault("30")
    int timelyFilingLeadDays();

    /** Days to the next status check after the payer said IN_PROCESS. */
    @WithDefault("14")
    int inProcessDays();

    /** Days to the next status check after the payer asked for information. */
    @WithDefault("7")
    int infoRequestedDays();

    /** Days to a status check after RESUBMIT or NO_CLAIM_ON_FILE. */
    @WithDefault("30")
    int resubmitDays();

    /** Days to a status check after an appeal was filed. */
    @WithDefault("30")
    int appealStatusCheckDays();

    /** PROMISE_CHECK is due this many days after the promised date. */
    @WithDefault("1")
    int promiseCheckOffsetDays();

    /**
     * Per-practice overrides ({@code ardesk.rules.practices."P200".appeal-lead-days=21}); every key
     * is optional and falls back to the global value above. A practice's zone is service-kit's
     * {@code ardesk.practices."P200".zone}.
     */
    Map<String, PracticeRules> practices();

    /** The global settings, for practices without overrides. */
    default RuleSettings settings() {
        return new RuleSettings(appealLeadDays(), timelyFilingLeadDays(), inProcessDays(), infoRequestedDays(),
                resubmitDays(), appealStatusCheckDays(), promiseCheckOffsetDays());
    }

    /** The effective settings for one practice. */
    default RuleSettings settings(String practiceId) {
        PracticeRules own = practiceId == null ? null : practices().get(practiceId);
        return own == null ? settings() : own.overrides().over(settings());
    }

    /** One practice's overrides; each absent key means "as the global setting". */
    interface PracticeRules {
        Optional<Integer> appealLeadDays();

        Optional<Integer> timelyFilingLeadDays();

        Optional<Integer> inProcessDays();

        Optional<Integer> infoRequestedDays();

        Optional<Integer> resubmitDays();

        Optional<Integer> appealStatusCheckDays();

        Optional<Integer> promiseCheckOffsetDays();

        default PracticeOverrides overrides() {
            return new PracticeOverrides(appealLeadDays(), timelyFilingLeadDays(), inProcessDays(),
                    infoRequestedDays(), resubmitDays(), appealStatusCheckDays(), promiseCheckOffsetDays());
        }
    }
}
