package com.ardesk.calls.call;

/** What a call achieved, aligned with X12 277 status categories where one exists (docs/domain.md "Calls"). */
public enum Outcome {
    /** Claim is pending adjudication (277 P1-P4). */
    IN_PROCESS,
    /** Claim was paid (277 F1). */
    PAID,
    /** Claim was denied (277 F2). */
    DENIED,
    /** Payer has no record of the claim (277 A6/A7). */
    NO_CLAIM_ON_FILE,
    /** Payer needs records or information (277 R-categories). */
    INFO_REQUESTED,
    /** Payment issued or expected: the call carries a promise. */
    PROMISE_TO_PAY,
    RESUBMIT,
    APPEAL_REQUIRED,
    NO_ANSWER,
    CALLBACK_REQUESTED
}
