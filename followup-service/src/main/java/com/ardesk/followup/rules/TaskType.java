package com.ardesk.followup.rules;

/**
 * What a follow-up task asks the caller to do (docs/api.md "followup-service"). RESUBMIT: the payer
 * rejected the claim before adjudication (277CA); fix what its status codes name and resubmit.
 */
public enum TaskType {
    DENIAL, APPEAL_DEADLINE, PROMISE_CHECK, STATUS_CHECK, CALLBACK, MANUAL, RESUBMIT
}
