package com.ardesk.followup.rules;

/** What a follow-up task asks the caller to do (docs/api.md "followup-service"). */
public enum TaskType {
    DENIAL, APPEAL_DEADLINE, PROMISE_CHECK, STATUS_CHECK, CALLBACK, MANUAL
}
