package com.ardesk.followup.rules;

/**
 * The knobs of {@link FollowUpRules}, in days.
 *
 * @param appealLeadDays          an APPEAL_DEADLINE task is due this many days before the deadline
 * @param timelyFilingLeadDays    a claim without payer response gets a STATUS_CHECK this close to timely filing
 * @param inProcessDays           next status check after the payer said "in process"
 * @param infoRequestedDays       next status check after the payer asked for information
 * @param resubmitDays            status check after a resubmission (RESUBMIT, NO_CLAIM_ON_FILE)
 * @param appealStatusCheckDays   status check after an appeal was filed
 * @param promiseCheckOffsetDays  PROMISE_CHECK is due this many days after the promised date
 */
public record RuleSettings(int appealLeadDays, int timelyFilingLeadDays, int inProcessDays, int infoRequestedDays,
                           int resubmitDays, int appealStatusCheckDays, int promiseCheckOffsetDays) {

    /** Defaults of docs/domain.md "Follow-up tasks". */
    public static RuleSettings defaults() {
        return new RuleSettings(14, 30, 14, 7, 30, 30, 1);
    }
}
